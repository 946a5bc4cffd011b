package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.internal.Args;
import io.github.proxmoxlxc.core.internal.provision.ProvisionAccess;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened during a run: a step started, made progress, finished or failed, or a
 * warning. Carries the request's label ({@link ProvisionRequest#label()}: the hostname, else
 * {@code vmid <n>}, else {@code container}), the VMID and node once known, and the time spent in
 * the step so far.
 *
 * <pre>{@code
 * Provisioner.on(pve, ProvisionOptions.builder()
 *         .listener(e -> System.out.println(e))   // [web1] CREATE FINISHED 31.2s vmid=104 node=pve2: created 104
 *         .build());
 * }</pre>
 */
public final class ProvisionEvent {

    /** What kind of event it is. */
    public enum Kind {
        /** The step began. */
        STARTED,
        /** The step made progress (a task log line, a download percentage, a retry). */
        PROGRESS,
        /** The step ended successfully. */
        FINISHED,
        /** The step failed; {@link #message()} says why. */
        FAILED,
        /** Something the user should know that does not stop the run. */
        WARNING
    }

    private final Kind kind;
    private final ProvisionStep step;
    private final String label;
    private final Integer vmid;
    private final String node;
    private final Duration elapsed;
    private final String message;
    private final Double fraction;

    private ProvisionEvent(Builder b) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.step = Objects.requireNonNull(b.step, "step");
        this.label = Objects.requireNonNull(b.label, "label");
        this.vmid = b.vmid;
        this.node = b.node;
        this.elapsed = Objects.requireNonNull(b.elapsed, "elapsed");
        this.message = b.message == null ? "" : b.message;
        this.fraction = b.fraction;
        if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction: " + fraction + " must be within 0..1");
        }
    }

    /**
     * Starts building an event (only the provisioner builds events).
     *
     * @param kind the kind
     * @param step the step
     * @param label the request's label
     * @return the builder
     */
    static Builder builder(Kind kind, ProvisionStep step, String label) {
        return new Builder(kind, step, label);
    }

    /**
     * The kind of event.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The step it belongs to.
     *
     * @return the step
     */
    public ProvisionStep step() {
        return step;
    }

    /**
     * The request's label: its hostname, else {@code vmid <n>}, else {@code container}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The container id, once allocated.
     *
     * @return the VMID, or empty before the VMID step
     */
    public OptionalInt vmid() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /**
     * The node, once placed.
     *
     * @return the node name, or empty before placement
     */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /**
     * Time spent in the step so far (for FINISHED and FAILED: the step's duration).
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * A human-readable detail: the task log line, the failure, the warning; may be empty.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /**
     * How far the step is, for progress bars (template downloads report it).
     *
     * @return 0..1, or empty when unknown
     */
    public OptionalDouble fraction() {
        return fraction == null ? OptionalDouble.empty() : OptionalDouble.of(fraction);
    }

    /**
     * One line, e.g. {@code [web1] CREATE FINISHED 31.2s vmid=104 node=pve2}.
     *
     * @return the line
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[").append(label).append("] ").append(step).append(' ').append(kind)
                .append(' ').append(String.format(java.util.Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0));
        if (vmid != null) {
            b.append(" vmid=").append(vmid);
        }
        if (node != null) {
            b.append(" node=").append(node);
        }
        if (fraction != null) {
            b.append(String.format(java.util.Locale.ROOT, " %.0f%%", fraction * 100));
        }
        if (!message.isEmpty()) {
            b.append(": ").append(message);
        }
        return b.toString();
    }

    /** Builds a {@link ProvisionEvent}. */
    static final class Builder implements ProvisionAccess.Event {
        private final Kind kind;
        private final ProvisionStep step;
        private final String label;
        private Integer vmid;
        private String node;
        private Duration elapsed = Duration.ZERO;
        private String message;
        private Double fraction;

        private Builder(Kind kind, ProvisionStep step, String label) {
            this.kind = kind;
            this.step = step;
            this.label = label;
        }

        /**
         * Sets the VMID.
         *
         * @param vmid the id, or null when not known
         * @return this builder
         */
        public Builder vmid(@Nullable Integer vmid) {
            this.vmid = vmid;
            return this;
        }

        /**
         * Sets the node.
         *
         * @param node the node, or null when not known
         * @return this builder
         */
        public Builder node(@Nullable String node) {
            this.node = node;
            return this;
        }

        /**
         * Sets the time spent in the step.
         *
         * @param elapsed not negative
         * @return this builder
         */
        public Builder elapsed(Duration elapsed) {
            this.elapsed = Args.notNegative("elapsed", elapsed);
            return this;
        }

        /**
         * Sets the message.
         *
         * @param message the text
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * Sets the progress.
         *
         * @param fraction 0..1
         * @return this builder
         */
        public Builder fraction(double fraction) {
            this.fraction = fraction;
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         */
        public ProvisionEvent build() {
            return new ProvisionEvent(this);
        }
    }
}
