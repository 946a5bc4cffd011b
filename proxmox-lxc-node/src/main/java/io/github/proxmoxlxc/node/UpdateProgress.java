package io.github.proxmoxlxc.node;

import java.time.Duration;
import java.util.Objects;

/**
 * One progress event of a {@link ContainerUpdate}: a step ({@code check}, {@code snapshot},
 * {@code update}, {@code verify}, {@code rollback}, {@code cleanup}) started, ended, failed or was
 * skipped, with the time it took and a short text for people.
 */
public final class UpdateProgress {
    /** Where a step is. */
    public enum Phase {
        /** The step began. */
        STARTED,
        /** The step ended successfully. */
        DONE,
        /** The step failed; the message says why. */
        FAILED,
        /** The step did not run; the message says why. */
        SKIPPED
    }

    private final String step;
    private final Phase phase;
    private final Duration elapsed;
    private final String message;

    UpdateProgress(String step, Phase phase, Duration elapsed, String message) {
        this.step = Objects.requireNonNull(step, "step");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * The step's name.
     *
     * @return e.g. {@code snapshot}
     */
    public String step() {
        return step;
    }

    /**
     * Where the step is.
     *
     * @return the phase
     */
    public Phase phase() {
        return phase;
    }

    /**
     * Time spent in the step so far ({@link Duration#ZERO} when it starts or is skipped).
     *
     * @return the duration
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * A short text for people.
     *
     * @return the text, possibly empty
     */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return step + " " + phase.name().toLowerCase(java.util.Locale.ROOT)
                + (phase == Phase.STARTED || phase == Phase.SKIPPED ? "" : " in " + elapsed.toMillis() + " ms")
                + (message.isEmpty() ? "" : ": " + message);
    }
}
