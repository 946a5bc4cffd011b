package io.github.proxmoxlxc.testkit.junit;

import io.github.proxmoxlxc.testkit.PveSimulator;
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
 * A JUnit 5 extension that starts one {@link PveSimulator} per test class (before
 * {@code @BeforeAll}), injects it into constructors and lifecycle and test methods that take a
 * {@code PveSimulator} parameter, and closes it after the class ({@code @AfterAll}). Nested
 * classes share their enclosing class's simulator.
 *
 * <p>With the defaults ({@link PveSimulator#builder()}: one node {@code pve1}, time scale 0.001):
 * <pre>{@code
 * @ExtendWith(PveSimulatorExtension.class)
 * class MyProvisioningTest {
 *     @Test
 *     void creates(PveSimulator sim) { ... sim.baseUrl(), sim.tokenId(), sim.fingerprint() ... }
 * }
 * }</pre>
 *
 * <p>Configured, and reachable from a field:
 * <pre>{@code
 * @RegisterExtension
 * static final PveSimulatorExtension PVE = PveSimulatorExtension.configured(b -> b.timeScale(0));
 * ... PVE.simulator().containers() ...
 * }</pre>
 *
 * <p>JUnit is an optional dependency of the testkit: add {@code org.junit.jupiter:junit-jupiter}
 * (5.x) to your test dependencies to use this class.
 */
public final class PveSimulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final Consumer<PveSimulator.Builder> config;
    /** The simulators this extension started, by the unique id of the class context that owns each. */
    private final Map<String, PveSimulator> started = new ConcurrentHashMap<>();
    private volatile PveSimulator last;

    /** An extension that starts simulators with the defaults (for {@code @ExtendWith}). */
    public PveSimulatorExtension() {
        this(b -> { });
    }

    private PveSimulatorExtension(Consumer<PveSimulator.Builder> config) {
        this.config = config;
    }

    /**
     * An extension whose simulators are configured before they start (for {@code @RegisterExtension}).
     *
     * @param config applied to a fresh {@link PveSimulator#builder()}, e.g. {@code b -> b.timeScale(0)}
     * @return the extension
     */
    public static PveSimulatorExtension configured(Consumer<PveSimulator.Builder> config) {
        return new PveSimulatorExtension(Objects.requireNonNull(config, "config"));
    }

    /**
     * The simulator of the test class that runs now, for code that cannot take a parameter (a
     * static helper). When test classes run in parallel and share one extension instance, take a
     * {@code PveSimulator} parameter instead: this returns the one started last.
     *
     * @return the started simulator
     * @throws IllegalStateException outside a test class's run (before its {@code @BeforeAll} or after its {@code @AfterAll})
     */
    public PveSimulator simulator() {
        PveSimulator s = last;
        if (s == null) {
            throw new IllegalStateException("no simulator: it runs from before the test class's @BeforeAll methods "
                    + "to after its @AfterAll methods");
        }
        return s;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (find(context).isPresent()) {
            return;
        }
        PveSimulator.Builder b = PveSimulator.builder();
        config.accept(b);
        PveSimulator sim = b.start();
        started.put(context.getUniqueId(), sim);
        last = sim;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PveSimulator sim = started.remove(context.getUniqueId());
        if (sim != null) {
            if (last == sim) {
                last = null;
            }
            sim.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PveSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return find(context).orElseThrow(() -> new ParameterResolutionException(
                "no simulator for " + context.getDisplayName() + ": register PveSimulatorExtension on the test class"));
    }

    /** The simulator of this context's class or of an enclosing one. */
    private Optional<PveSimulator> find(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            PveSimulator sim = started.get(c.get().getUniqueId());
            if (sim != null) {
                return Optional.of(sim);
            }
        }
        return Optional.empty();
    }
}
