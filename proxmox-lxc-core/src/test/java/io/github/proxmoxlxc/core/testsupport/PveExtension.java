package io.github.proxmoxlxc.core.testsupport;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.PveSimulator;
import io.github.proxmoxlxc.testkit.junit.PveSimulatorExtension;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The testkit's {@link PveSimulatorExtension} plus a {@link ProxmoxClient} for it: one started
 * simulator and one client (API token, pinned fingerprint) per test class, injected into
 * {@code PveSimulator} and {@code ProxmoxClient} parameters, both closed after the class. Lives in
 * core's test-jar because the testkit does not depend on core.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PveExtension PVE = PveExtension.configured(b -> b.timeScale(0).seed(5));
 *
 * @Test
 * void lists(PveSimulator sim, ProxmoxClient pve) { ... }
 * }</pre>
 */
public final class PveExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final PveSimulatorExtension simulators;
    private final Consumer<ProxmoxClient.Builder> clientConfig;
    private final Map<String, ProxmoxClient> clients = new ConcurrentHashMap<>();

    /** A simulator with the testkit's defaults and a client with core's defaults. */
    public PveExtension() {
        this(new PveSimulatorExtension(), b -> { });
    }

    private PveExtension(PveSimulatorExtension simulators, Consumer<ProxmoxClient.Builder> clientConfig) {
        this.simulators = simulators;
        this.clientConfig = clientConfig;
    }

    /**
     * A configured simulator and a client with core's defaults.
     *
     * @param simulator applied to the simulator's builder before it starts
     * @return the extension
     */
    public static PveExtension configured(Consumer<PveSimulator.Builder> simulator) {
        return configured(simulator, b -> { });
    }

    /**
     * A configured simulator and client.
     *
     * @param simulator applied to the simulator's builder before it starts
     * @param client applied to the client's builder after the URL, token and trust are set
     * @return the extension
     */
    public static PveExtension configured(Consumer<PveSimulator.Builder> simulator,
            Consumer<ProxmoxClient.Builder> client) {
        return new PveExtension(PveSimulatorExtension.configured(simulator), Objects.requireNonNull(client, "client"));
    }

    /**
     * A client builder for a started simulator: its URL, API token and pinned certificate fingerprint.
     *
     * @param sim the simulator
     * @return the builder
     */
    public static ProxmoxClient.Builder clientFor(PveSimulator sim) {
        return ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint()));
    }

    /**
     * The simulator of the test class that runs now.
     *
     * @return the simulator
     */
    public PveSimulator simulator() {
        return simulators.simulator();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        simulators.beforeAll(context);
        if (find(context).isEmpty()) {
            ProxmoxClient.Builder b = clientFor(simulators.simulator());
            clientConfig.accept(b);
            clients.put(context.getUniqueId(), b.build());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            ProxmoxClient c = clients.remove(context.getUniqueId());
            if (c != null) {
                c.close();
            }
        } finally {
            simulators.afterAll(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProxmoxClient.class
                || simulators.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == ProxmoxClient.class) {
            return find(context).orElseThrow(() -> new ParameterResolutionException(
                    "no client for " + context.getDisplayName() + ": register PveExtension on the test class"));
        }
        return simulators.resolveParameter(parameter, context);
    }

    private Optional<ProxmoxClient> find(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ProxmoxClient client = clients.get(c.get().getUniqueId());
            if (client != null) {
                return Optional.of(client);
            }
        }
        return Optional.empty();
    }
}
