package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.Args;
import java.time.Duration;

/**
 * How the client retries transient failures.
 *
 * <p>This is the client's one retry layer. Idempotent requests (GET, PUT, DELETE and the ticket
 * login) are retried after I/O errors (connection refused or reset, read timeout), HTTP 502/503/504,
 * proxy errors 595/596/597/599 and {@code can't lock file ... got timeout}; a GET also after a plain
 * 500, since a read changes nothing and a 500 on it (for example on a task's status) says nothing
 * about what was read. A POST that creates or acts (create, start, clone, restore) is re-sent only
 * when the failure proves Proxmox did not carry it out: {@code can't lock file ... got timeout}
 * (the handler died acquiring the config lock, before any change), 595 (the proxy hop could not
 * connect) or a connection that could not be opened; after a 596, a reset or a timeout it may have
 * acted, and it is not re-sent. Never retried: TLS trust failures, 400, 401, 403, and the typed
 * answers (not found, locked by an operation, already exists). The wait between attempts grows
 * exponentially with random jitter, capped at {@link #maxBackoff()}.
 *
 * <pre>{@code
 * RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(250)).build();
 * }</pre>
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff: " + maxBackoff + " must not be less than initialBackoff "
                    + initialBackoff);
        }
    }

    /**
     * The defaults: 3 attempts, 200 ms first backoff, doubling, 50 % jitter, at most 5 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * No retries: every request is sent once.
     *
     * @return a policy with one attempt
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this policy's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .multiplier(multiplier).jitter(jitter);
    }

    /**
     * The total number of attempts, <em>including the first call</em>: 3 means one call and up to two
     * retries; 1 means no retry.
     *
     * @return the attempts, at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the first retry, before jitter.
     *
     * @return the first backoff
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest wait between two attempts.
     *
     * @return the cap
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The growth factor of the wait from one retry to the next.
     *
     * @return the multiplier, at least 1
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * The random spread around each wait: 0.5 means the wait is drawn from 50 % to 150 % of its base.
     *
     * @return the jitter factor in 0..1
     */
    public double jitter() {
        return jitter;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private double jitter = 0.5;

        private Builder() {
        }

        /**
         * Sets the total attempts including the first call (default 3).
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " must be at least 1 "
                        + "(it counts the first call)");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the wait before the first retry (default 200 ms).
         *
         * @param initialBackoff a positive duration
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Args.positive("initialBackoff", initialBackoff);
            return this;
        }

        /**
         * Sets the longest wait between attempts (default 5 s).
         *
         * @param maxBackoff a positive duration, not less than the initial backoff
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Args.positive("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * Sets the growth factor of the wait (default 2).
         *
         * @param multiplier at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = Args.multiplier(multiplier);
            return this;
        }

        /**
         * Sets the random spread of each wait (default 0.5, i.e. 50 % to 150 %).
         *
         * @param jitter in 0..1; 0 disables jitter
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter: " + jitter + " must be in 0..1");
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException if maxBackoff is less than initialBackoff
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
