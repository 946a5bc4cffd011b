package io.github.proxmoxlxc.testkit.internal.model;

/**
 * The datacenter.cfg settings the simulator honours: {@code next-id: lower=…,upper=…} (defaults
 * 100 and 1000000), as pve-manager's {@code GET /cluster/nextid} reads them: the first free id
 * {@code i} with {@code lower <= i < upper}.
 */
public final class Datacenter {

    private volatile int lower = 100;
    private volatile int upper = 1_000_000;

    /**
     * Sets the next-id range.
     *
     * @throws IllegalArgumentException unless {@code 100 <= lower < upper <= 999999999}
     */
    public void nextIdRange(int lower, int upper) {
        if (lower < 100 || upper <= lower || upper > 999_999_999) {
            throw new IllegalArgumentException("next-id range must satisfy 100 <= lower < upper <= 999999999: lower="
                    + lower + ", upper=" + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    /** The lower bound (inclusive). */
    public int lower() {
        return lower;
    }

    /** The upper bound (exclusive). */
    public int upper() {
        return upper;
    }
}
