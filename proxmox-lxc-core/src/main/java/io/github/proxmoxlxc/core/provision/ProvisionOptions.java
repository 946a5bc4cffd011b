package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.internal.Args;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Provisioner} works: placement, storages, VMID allocation, timeouts, what to do on
 * failure, the node-patch applier and the event listener. All durations are {@link Duration}s.
 * Retries are not configured here: the client's {@link io.github.proxmoxlxc.core.client.RetryPolicy}
 * retries reads and paces the provisioner's check-then-retry of create, start and download.
 *
 * <pre>{@code
 * ProvisionOptions o = ProvisionOptions.builder()
 *         .placement(PlacementStrategy.roundRobin())
 *         .rootFsStorage("local-lvm").templateStorage("local")
 *         .vmidRange(9000, 9999)
 *         .createTimeout(Duration.ofMinutes(10))
 *         .listener(e -> System.out.println(e))
 *         .build();
 * }</pre>
 */
public final class ProvisionOptions {
    private final PlacementStrategy placement;
    private final String rootfsStorage;
    private final String templateStorage;
    private final Integer vmidFirst;
    private final Integer vmidLast;
    private final int vmidAttempts;
    private final Duration createTimeout;
    private final Duration startTimeout;
    private final Duration downloadTimeout;
    private final Duration ipTimeout;
    private final Duration rollbackTimeout;
    private final boolean keepOnFailure;
    private final boolean waitForIp;
    private final boolean preflight;
    private final NodePatchApplier nodePatchApplier;
    private final ProvisionListener listener;
    private final Duration lookupCacheTtl;
    private final PollSchedule taskPolling;
    private final java.util.List<ContainerSetup> containerSetups;

    private ProvisionOptions(Builder b) {
        this.placement = b.placement;
        this.rootfsStorage = b.rootfsStorage;
        this.templateStorage = b.templateStorage;
        this.vmidFirst = b.vmidFirst;
        this.vmidLast = b.vmidLast;
        this.vmidAttempts = b.vmidAttempts;
        this.createTimeout = b.createTimeout;
        this.startTimeout = b.startTimeout;
        this.downloadTimeout = b.downloadTimeout;
        this.ipTimeout = b.ipTimeout;
        this.rollbackTimeout = b.rollbackTimeout;
        this.keepOnFailure = b.keepOnFailure;
        this.waitForIp = b.waitForIp;
        this.preflight = b.preflight;
        this.nodePatchApplier = b.nodePatchApplier;
        this.listener = b.listener;
        this.lookupCacheTtl = b.lookupCacheTtl;
        this.taskPolling = b.taskPolling;
        this.containerSetups = java.util.List.copyOf(b.containerSetups);
    }

    /**
     * The steps run in the container once it is running and has its addresses, in order.
     *
     * @return an unmodifiable list, empty by default
     */
    public java.util.List<ContainerSetup> containerSetups() {
        return containerSetups;
    }

    /**
     * The defaults (see each builder method).
     *
     * @return default options
     */
    public static ProvisionOptions defaults() {
        return builder().build();
    }

    /**
     * Starts building options with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.placement = placement;
        b.rootfsStorage = rootfsStorage;
        b.templateStorage = templateStorage;
        b.vmidFirst = vmidFirst;
        b.vmidLast = vmidLast;
        b.vmidAttempts = vmidAttempts;
        b.createTimeout = createTimeout;
        b.startTimeout = startTimeout;
        b.downloadTimeout = downloadTimeout;
        b.ipTimeout = ipTimeout;
        b.rollbackTimeout = rollbackTimeout;
        b.keepOnFailure = keepOnFailure;
        b.waitForIp = waitForIp;
        b.preflight = preflight;
        b.nodePatchApplier = nodePatchApplier;
        b.containerSetups.addAll(containerSetups);
        b.listener = listener;
        b.lookupCacheTtl = lookupCacheTtl;
        b.taskPolling = taskPolling;
        return b;
    }

    /**
     * How a node is chosen when the request names none.
     *
     * @return the strategy (default {@link PlacementStrategy#mostFreeMemory()})
     */
    public PlacementStrategy placement() {
        return placement;
    }

    /**
     * The storage for the root filesystem when the spec's rootfs names none.
     *
     * @return the storage, or empty to choose one with {@code rootdir} content and room
     */
    public Optional<String> rootFsStorage() {
        return Optional.ofNullable(rootfsStorage);
    }

    /**
     * The storage for templates (where they are looked for first and downloaded to).
     *
     * @return the storage, or empty to choose one with {@code vztmpl} content
     */
    public Optional<String> templateStorage() {
        return Optional.ofNullable(templateStorage);
    }

    /**
     * The first VMID of the private range, if one is configured.
     *
     * @return the first id, or empty to take candidates from {@code /cluster/nextid}
     */
    public Optional<Integer> vmidFirst() {
        return Optional.ofNullable(vmidFirst);
    }

    /**
     * The last VMID of the private range (inclusive), if one is configured.
     *
     * @return the last id, or empty
     */
    public Optional<Integer> vmidLast() {
        return Optional.ofNullable(vmidLast);
    }

    /**
     * How many VMID candidates a request tries before giving up.
     *
     * @return the attempts (default 20)
     */
    public int vmidAttempts() {
        return vmidAttempts;
    }

    /**
     * The deadline for the {@code vzcreate} task.
     *
     * @return the timeout (default 10 minutes)
     */
    public Duration createTimeout() {
        return createTimeout;
    }

    /**
     * The deadline for the start task plus reaching {@code running}.
     *
     * @return the timeout (default 2 minutes)
     */
    public Duration startTimeout() {
        return startTimeout;
    }

    /**
     * The deadline for a template download task.
     *
     * @return the timeout (default 15 minutes)
     */
    public Duration downloadTimeout() {
        return downloadTimeout;
    }

    /**
     * How long to wait for an address on {@code .../interfaces}.
     *
     * @return the timeout (default 2 minutes)
     */
    public Duration ipTimeout() {
        return ipTimeout;
    }

    /**
     * The deadline for the whole rollback (stop, destroy, wait).
     *
     * @return the timeout (default 5 minutes)
     */
    public Duration rollbackTimeout() {
        return rollbackTimeout;
    }

    /**
     * Whether a container is kept (not rolled back) when a later step fails.
     *
     * @return true to keep it (default false)
     */
    public boolean keepOnFailure() {
        return keepOnFailure;
    }

    /**
     * Whether the run waits for an IP address after start.
     *
     * @return true to wait (default true)
     */
    public boolean waitForIp() {
        return waitForIp;
    }

    /**
     * Whether {@code provision} runs the preflight checks first.
     *
     * @return true to check (default true)
     */
    public boolean preflight() {
        return preflight;
    }

    /**
     * Who applies node patches.
     *
     * @return the applier (default {@link NodePatchApplier#printOnly()})
     */
    public NodePatchApplier nodePatchApplier() {
        return nodePatchApplier;
    }

    /**
     * Who receives the events.
     *
     * @return the listener (default: none)
     */
    public ProvisionListener listener() {
        return listener;
    }

    /**
     * How long node, storage and template listings are reused within a provisioner (refreshed early
     * when placement fails).
     *
     * @return the time to live (default 10 s; zero disables the cache)
     */
    public Duration lookupCacheTtl() {
        return lookupCacheTtl;
    }

    /**
     * The task polling schedule, or empty for the client's. The provisioner moves the first poll
     * closer to the expected end of a task once it has seen tasks of that type finish.
     *
     * @return the schedule, or empty
     */
    public Optional<PollSchedule> taskPolling() {
        return Optional.ofNullable(taskPolling);
    }

    @Override
    public String toString() {
        return "ProvisionOptions[rootfsStorage=" + rootfsStorage + ", templateStorage=" + templateStorage
                + ", vmidRange=" + (vmidFirst == null ? "nextid" : vmidFirst + ".." + vmidLast)
                + ", createTimeout=" + createTimeout + ", startTimeout=" + startTimeout + ", ipTimeout=" + ipTimeout
                + ", keepOnFailure=" + keepOnFailure + ", waitForIp=" + waitForIp + ", preflight=" + preflight + "]";
    }

    /** Builds {@link ProvisionOptions}; setters check their argument at once. */
    public static final class Builder {
        private PlacementStrategy placement = PlacementStrategy.mostFreeMemory();
        private String rootfsStorage;
        private String templateStorage;
        private Integer vmidFirst;
        private Integer vmidLast;
        private int vmidAttempts = 20;
        private Duration createTimeout = Duration.ofMinutes(10);
        private Duration startTimeout = Duration.ofMinutes(2);
        private Duration downloadTimeout = Duration.ofMinutes(15);
        private Duration ipTimeout = Duration.ofMinutes(2);
        private Duration rollbackTimeout = Duration.ofMinutes(5);
        private boolean keepOnFailure;
        private boolean waitForIp = true;
        private boolean preflight = true;
        private NodePatchApplier nodePatchApplier = NodePatchApplier.printOnly();
        private final java.util.List<ContainerSetup> containerSetups = new java.util.ArrayList<>();
        private ProvisionListener listener = ProvisionListener.none();
        private Duration lookupCacheTtl = Duration.ofSeconds(10);
        private PollSchedule taskPolling;

        private Builder() {
        }

        /**
         * Sets the placement strategy.
         *
         * @param placement the strategy
         * @return this builder
         */
        public Builder placement(PlacementStrategy placement) {
            this.placement = Objects.requireNonNull(placement, "placement");
            return this;
        }

        /**
         * Sets the rootfs storage used when the spec's rootfs names none.
         *
         * @param storage a storage id, or null to choose
         * @return this builder
         */
        public Builder rootFsStorage(String storage) {
            this.rootfsStorage = checkStorage("rootFsStorage", storage);
            return this;
        }

        /**
         * Sets the template storage.
         *
         * @param storage a storage id, or null to choose
         * @return this builder
         */
        public Builder templateStorage(String storage) {
            this.templateStorage = checkStorage("templateStorage", storage);
            return this;
        }

        /**
         * Takes VMID candidates from a private range instead of {@code /cluster/nextid}.
         *
         * @param first the first id, 100..999999999
         * @param last the last id (inclusive), at least {@code first}
         * @return this builder
         */
        public Builder vmidRange(int first, int last) {
            if (first < 100 || last > 999_999_999 || last < first) {
                throw new IllegalArgumentException("vmidRange: " + first + ".." + last
                        + " must satisfy 100 <= first <= last <= 999999999");
            }
            this.vmidFirst = first;
            this.vmidLast = last;
            return this;
        }

        /**
         * Sets how many VMID candidates a request tries.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder vmidAttempts(int attempts) {
            this.vmidAttempts = positive("vmidAttempts", attempts);
            return this;
        }

        /**
         * Sets the create task deadline.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder createTimeout(Duration timeout) {
            this.createTimeout = Args.positive("createTimeout", timeout);
            return this;
        }

        /**
         * Sets the start deadline (task plus {@code running}).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Args.positive("startTimeout", timeout);
            return this;
        }

        /**
         * Sets the template download deadline.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder downloadTimeout(Duration timeout) {
            this.downloadTimeout = Args.positive("downloadTimeout", timeout);
            return this;
        }

        /**
         * Sets how long to wait for an IP address.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder ipTimeout(Duration timeout) {
            this.ipTimeout = Args.positive("ipTimeout", timeout);
            return this;
        }

        /**
         * Sets the rollback deadline.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder rollbackTimeout(Duration timeout) {
            this.rollbackTimeout = Args.positive("rollbackTimeout", timeout);
            return this;
        }

        /**
         * Keeps a created container when a later step fails, instead of destroying it.
         *
         * @param keep true to keep
         * @return this builder
         */
        public Builder keepOnFailure(boolean keep) {
            this.keepOnFailure = keep;
            return this;
        }

        /**
         * Waits (or not) for an IP address after start.
         *
         * @param wait false to skip the IP wait
         * @return this builder
         */
        public Builder waitForIp(boolean wait) {
            this.waitForIp = wait;
            return this;
        }

        /**
         * Runs (or skips) the preflight checks before provisioning.
         *
         * @param preflight false to skip
         * @return this builder
         */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        /**
         * Sets who applies node patches.
         *
         * @param applier the applier
         * @return this builder
         */
        public Builder nodePatchApplier(NodePatchApplier applier) {
            this.nodePatchApplier = Objects.requireNonNull(applier, "nodePatchApplier");
            return this;
        }

        /**
         * Adds a step run in the container after it is running and has its addresses (see
         * {@link ContainerSetup}); a failing step fails the run with the usual rollback or keep.
         *
         * @param setup the step
         * @return this builder
         */
        public Builder addContainerSetup(ContainerSetup setup) {
            this.containerSetups.add(Objects.requireNonNull(setup, "setup"));
            return this;
        }

        /**
         * Sets the event listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ProvisionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets how long look-ups are cached.
         *
         * @param ttl not negative; zero disables caching
         * @return this builder
         */
        public Builder lookupCacheTtl(Duration ttl) {
            this.lookupCacheTtl = Args.notNegative("lookupCacheTtl", ttl);
            return this;
        }

        /**
         * Sets the task polling schedule.
         *
         * @param schedule the schedule, or null for the client's
         * @return this builder
         */
        public Builder taskPolling(PollSchedule schedule) {
            this.taskPolling = schedule;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ProvisionOptions build() {
            return new ProvisionOptions(this);
        }

        private static String checkStorage(String field, String s) {
            if (s != null && !s.matches("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]")) {
                throw new IllegalArgumentException(field + ": '" + s + "' is not a storage id");
            }
            return s;
        }

        private static int positive(String field, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(field + ": " + v + " must be at least 1");
            }
            return v;
        }
    }
}
