package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a {@link ContainerSetup} gets: the container's node, VMID, spec and addresses, and ways to
 * report progress (an event) and warnings (into the result).
 */
public final class ContainerSetupContext {
    private final String node;
    private final int vmid;
    private final ContainerSpec spec;
    private final List<String> addresses;
    private final Consumer<String> progress;
    private final Consumer<String> warn;
    private final BiConsumer<String, String> access;

    ContainerSetupContext(String node, int vmid, ContainerSpec spec, List<String> addresses, Consumer<String> progress,
            Consumer<String> warn, BiConsumer<String, String> access) {
        this.node = Objects.requireNonNull(node, "node");
        this.vmid = vmid;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.addresses = List.copyOf(addresses);
        this.progress = progress;
        this.warn = warn;
        this.access = access;
    }

    /**
     * A context. The provisioner builds one for each run; this factory is public on purpose, so that
     * the unit tests of your own {@link ContainerSetup} can call {@code run} without a provisioner.
     *
     * @param node the node
     * @param vmid the container id
     * @param spec the spec it was created from
     * @param addresses its addresses (CIDR form), possibly empty
     * @param progress receives progress messages
     * @param warn receives warnings
     * @return the context; access details go to {@code progress}
     */
    public static ContainerSetupContext of(String node, int vmid, ContainerSpec spec, List<String> addresses,
            Consumer<String> progress, Consumer<String> warn) {
        return new ContainerSetupContext(node, vmid, spec, addresses, progress, warn,
                (k, v) -> progress.accept(k + ": " + v));
    }

    /**
     * A context that also collects access details.
     *
     * @param node the node
     * @param vmid the container id
     * @param spec the spec it was created from
     * @param addresses its addresses
     * @param progress receives progress messages
     * @param warn receives warnings
     * @param access receives access details (key, value)
     * @return the context
     */
    public static ContainerSetupContext of(String node, int vmid, ContainerSpec spec, List<String> addresses,
            Consumer<String> progress, Consumer<String> warn, BiConsumer<String, String> access) {
        return new ContainerSetupContext(node, vmid, spec, addresses, progress, warn, access);
    }

    /**
     * The node that runs the container.
     *
     * @return the node name
     */
    public String node() {
        return node;
    }

    /**
     * The container id.
     *
     * @return the VMID
     */
    public int vmid() {
        return vmid;
    }

    /**
     * The spec the container was created from.
     *
     * @return the spec
     */
    public ContainerSpec spec() {
        return spec;
    }

    /**
     * The container's addresses as reported by Proxmox ({@code 10.0.0.5/24}, IPv4 first).
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> addresses() {
        return addresses;
    }

    /**
     * Emits a progress event under {@link ProvisionStep#CONTAINER_SETUP}.
     *
     * @param message e.g. {@code dns: ok after 0.4 s}
     */
    public void progress(String message) {
        progress.accept(message);
    }

    /**
     * Adds a warning to the result.
     *
     * @param message the warning
     */
    public void warn(String message) {
        warn.accept(message);
    }

    /**
     * Records an access detail for the result, e.g. {@code url -> http://10.0.0.5:8096}.
     *
     * @param key a short name such as {@code url} or {@code ssh}
     * @param value the value
     */
    public void access(String key, String value) {
        access.accept(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }
}
