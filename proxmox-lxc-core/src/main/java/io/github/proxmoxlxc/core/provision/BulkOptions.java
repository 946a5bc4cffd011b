package io.github.proxmoxlxc.core.provision;

/**
 * Concurrency limits of {@link Provisioner#provisionAll(java.util.List, BulkOptions)}.
 *
 * @param maxConcurrent how many containers are provisioned at once overall, at least 1
 * @param maxConcurrentPerNode how many at once on one node, at least 1
 */
public record BulkOptions(int maxConcurrent, int maxConcurrentPerNode) {

    /**
     * Checks the limits.
     *
     * @param maxConcurrent how many containers are provisioned at once overall, at least 1
     * @param maxConcurrentPerNode how many at once on one node, at least 1
     */
    public BulkOptions {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent: " + maxConcurrent + " must be at least 1");
        }
        if (maxConcurrentPerNode < 1) {
            throw new IllegalArgumentException("maxConcurrentPerNode: " + maxConcurrentPerNode + " must be at least 1");
        }
    }

    /**
     * The defaults: 16 overall, 4 per node.
     *
     * @return the defaults
     */
    public static BulkOptions defaults() {
        return new BulkOptions(16, 4);
    }
}
