package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.internal.provision.ProvisionAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container that is provisioned (or, from {@link Provisioner#ensure}, that already existed as
 * specified): where it is, its addresses, how long each step took, and warnings such as a node
 * patch that was only printed.
 */
public final class ProvisionResult {
    private final int vmid;
    private final String node;
    private final String hostname;
    private final List<String> addresses;
    private final String status;
    private final String template;
    private final boolean created;
    private final Map<ProvisionStep, Duration> timings;
    private final List<String> warnings;
    private final List<String> calls;
    private final List<TaskResult> tasks;
    private final List<DriftChange> drift;
    private final Map<String, String> access;

    private ProvisionResult(Builder b) {
        this.vmid = b.vmid;
        this.node = Objects.requireNonNull(b.node, "node");
        this.hostname = b.hostname;
        this.addresses = List.copyOf(b.addresses);
        this.status = Objects.requireNonNull(b.status, "status");
        this.template = b.template;
        this.created = b.created;
        this.timings = Collections.unmodifiableMap(new EnumMap<>(b.timings));
        this.warnings = List.copyOf(b.warnings);
        this.calls = List.copyOf(b.calls);
        this.tasks = List.copyOf(b.tasks);
        this.drift = List.copyOf(b.drift);
        this.access = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.access));
    }

    /**
     * Starts building a result (only the provisioner builds results).
     *
     * @param vmid the container id
     * @param node its node
     * @return the builder
     */
    static Builder builder(int vmid, String node) {
        Builder b = new Builder();
        b.vmid = vmid;
        b.node = node;
        return b;
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
     * The node it runs on.
     *
     * @return the node name
     */
    public String node() {
        return node;
    }

    /**
     * The hostname.
     *
     * @return the hostname, or empty when the spec set none
     */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /**
     * The addresses seen on {@code .../interfaces} (CIDR, IPv4 first), loopback excluded.
     *
     * @return an unmodifiable list; empty when the IP wait was skipped
     */
    public List<String> addresses() {
        return addresses;
    }

    /**
     * The status when the run ended, normally {@code running}.
     *
     * @return the status
     */
    public String status() {
        return status;
    }

    /**
     * The template volume the container was created from.
     *
     * @return the volume id, or empty for an existing container found by {@code ensure}
     */
    public Optional<String> template() {
        return Optional.ofNullable(template);
    }

    /**
     * Whether this run created the container (false when {@code ensure} found it as specified).
     *
     * @return true when created
     */
    public boolean created() {
        return created;
    }

    /**
     * How long each step took, in step order; skipped steps are absent.
     *
     * @return an unmodifiable map
     */
    public Map<ProvisionStep, Duration> timings() {
        return timings;
    }

    /**
     * The total of all step timings.
     *
     * @return the duration
     */
    public Duration total() {
        return timings.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Access details recorded by the container setup steps, e.g. {@code url -> http://10.0.0.5:8096}.
     *
     * @return an unmodifiable ordered map, empty without setup steps
     */
    public Map<String, String> access() {
        return access;
    }

    /**
     * Things to know: a node patch only printed (with its lines), a retried step, a task warning.
     *
     * @return an unmodifiable list
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The changing API calls the run made, as {@code METHOD path}, e.g.
     * {@code POST /nodes/pve1/lxc}; retries of a call appear once. Compare with
     * {@link ProvisionPlan#calls()}.
     *
     * @return an unmodifiable list
     */
    public List<String> calls() {
        return calls;
    }

    /**
     * The tasks the run waited for (download, create, start), with polls and waiting time each.
     *
     * @return an unmodifiable list in order
     */
    public List<TaskResult> tasks() {
        return tasks;
    }

    /**
     * What {@code ensure()} found different on an existing container and what it did about each
     * difference (applied, pending, resized, needs a re-create, ...).
     *
     * @return an unmodifiable list, empty when the container was created or matched its spec
     */
    public List<DriftChange> drift() {
        return drift;
    }

    @Override
    public String toString() {
        return "ProvisionResult[vmid=" + vmid + ", node=" + node + ", hostname=" + hostname + ", status=" + status
                + ", addresses=" + addresses + ", created=" + created + ", total=" + total() + ", warnings="
                + warnings.size() + "]";
    }

    /** Builds a {@link ProvisionResult}. */
    static final class Builder implements ProvisionAccess.Result {
        private int vmid;
        private String node;
        private String hostname;
        private final List<String> addresses = new ArrayList<>();
        private String status = "running";
        private String template;
        private boolean created = true;
        private final Map<ProvisionStep, Duration> timings = new EnumMap<>(ProvisionStep.class);
        private final List<String> warnings = new ArrayList<>();
        private final List<String> calls = new ArrayList<>();
        private final List<TaskResult> tasks = new ArrayList<>();
        private final List<DriftChange> drift = new ArrayList<>();
        private final Map<String, String> access = new java.util.LinkedHashMap<>();

        /**
         * Records an access detail ({@code url}, {@code ssh}, ...).
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        public Builder putAccess(String key, String value) {
            access.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        private Builder() {
        }

        /**
         * Sets the hostname.
         *
         * @param hostname the hostname, or null
         * @return this builder
         */
        public Builder hostname(@Nullable String hostname) {
            this.hostname = hostname;
            return this;
        }

        /**
         * Replaces the addresses.
         *
         * @param addresses the addresses
         * @return this builder
         */
        public Builder addresses(List<String> addresses) {
            this.addresses.clear();
            this.addresses.addAll(addresses);
            return this;
        }

        /**
         * Sets the status.
         *
         * @param status e.g. {@code running}
         * @return this builder
         */
        public Builder status(String status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets the template volume.
         *
         * @param template the volume id, or null
         * @return this builder
         */
        public Builder template(@Nullable String template) {
            this.template = template;
            return this;
        }

        /**
         * Sets whether the run created the container.
         *
         * @param created false for an existing container
         * @return this builder
         */
        public Builder created(boolean created) {
            this.created = created;
            return this;
        }

        /**
         * Records a step's duration (added to an earlier one of the same step).
         *
         * @param step the step
         * @param took the duration
         * @return this builder
         */
        public Builder putTiming(ProvisionStep step, Duration took) {
            timings.merge(step, took, Duration::plus);
            return this;
        }

        /**
         * Adds a warning.
         *
         * @param warning the text
         * @return this builder
         */
        public Builder addWarning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /**
         * Adds a changing call.
         *
         * @param call {@code METHOD path}
         * @return this builder
         */
        public Builder addCall(String call) {
            calls.add(Objects.requireNonNull(call, "call"));
            return this;
        }

        /**
         * Adds a task the run waited for.
         *
         * @param task the task result
         * @return this builder
         */
        public Builder addTask(TaskResult task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        /**
         * Adds what {@code ensure()} did about one difference.
         *
         * @param change the change
         * @return this builder
         */
        public Builder addDrift(DriftChange change) {
            drift.add(Objects.requireNonNull(change, "change"));
            return this;
        }

        /**
         * Builds the result.
         *
         * @return the result
         */
        public ProvisionResult build() {
            return new ProvisionResult(this);
        }
    }
}
