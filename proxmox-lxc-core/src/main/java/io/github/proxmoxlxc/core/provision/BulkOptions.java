package io.github.proxmoxlxc.core.provision;

import java.util.Objects;

/**
 * Concurrency limits of {@link Provisioner#provisionAll(java.util.List, BulkOptions)}.
 *
 * <pre>{@code
 * provisioner.provisionAll(requests, BulkOptions.builder().maxConcurrent(8).maxConcurrentPerNode(2).build());
 * }</pre>
 */
public final class BulkOptions {
    private final int maxConcurrent;
    private final int maxConcurrentPerNode;

    private BulkOptions(Builder b) {
        this.maxConcurrent = b.maxConcurrent;
        this.maxConcurrentPerNode = b.maxConcurrentPerNode;
    }

    /**
     * Starts from the defaults (16 overall, 4 per node).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these limits.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().maxConcurrent(maxConcurrent).maxConcurrentPerNode(maxConcurrentPerNode);
    }

    /**
     * The defaults: 16 overall, 4 per node.
     *
     * @return the defaults
     */
    public static BulkOptions defaults() {
        return builder().build();
    }

    /** {@return how many containers are provisioned at once overall (at least 1)} */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** {@return how many containers are provisioned at once on one node (at least 1)} */
    public int maxConcurrentPerNode() {
        return maxConcurrentPerNode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkOptions && maxConcurrent == ((BulkOptions) o).maxConcurrent
                && maxConcurrentPerNode == ((BulkOptions) o).maxConcurrentPerNode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxConcurrent, maxConcurrentPerNode);
    }

    @Override
    public String toString() {
        return "BulkOptions[maxConcurrent=" + maxConcurrent + ", maxConcurrentPerNode=" + maxConcurrentPerNode + "]";
    }

    /** Builds {@link BulkOptions}. */
    public static final class Builder {
        private int maxConcurrent = 16;
        private int maxConcurrentPerNode = 4;

        private Builder() {
        }

        /**
         * Sets how many containers are provisioned at once overall (default 16).
         *
         * @param maxConcurrent at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxConcurrent(int maxConcurrent) {
            this.maxConcurrent = atLeastOne("maxConcurrent", maxConcurrent);
            return this;
        }

        /**
         * Sets how many containers are provisioned at once on one node (default 4).
         *
         * @param maxConcurrentPerNode at least 1
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder maxConcurrentPerNode(int maxConcurrentPerNode) {
            this.maxConcurrentPerNode = atLeastOne("maxConcurrentPerNode", maxConcurrentPerNode);
            return this;
        }

        /**
         * Builds the limits.
         *
         * @return the limits
         */
        public BulkOptions build() {
            return new BulkOptions(this);
        }

        private static int atLeastOne(String field, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(field + ": " + v + " must be at least 1");
            }
            return v;
        }
    }
}
