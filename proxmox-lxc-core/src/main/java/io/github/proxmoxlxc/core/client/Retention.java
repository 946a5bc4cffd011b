package io.github.proxmoxlxc.core.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A backup retention policy ({@code prune-backups}): how many of the newest backups to keep in
 * total and per hour, day, week, month and year. Proxmox applies the rules in that order; each
 * rule keeps the newest backup of each of its periods that no earlier rule kept.
 *
 * <pre>{@code
 * Retention r = Retention.builder().keepLast(3).keepDaily(7).keepWeekly(4).build();   // "keep-last=3,keep-daily=7,keep-weekly=4"
 * }</pre>
 */
public final class Retention {
    private static final String[] KEYS = {"keep-last", "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly",
        "keep-yearly"};
    private final int[] counts;
    private final boolean keepAll;

    private Retention(Builder b) {
        this.counts = b.counts.clone();
        this.keepAll = b.keepAll;
    }

    /**
     * Starts a policy that keeps nothing until a rule is set.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A policy that keeps every backup.
     *
     * @return the policy
     */
    public static Retention keepAll() {
        Builder b = new Builder();
        b.keepAll = true;
        return new Retention(b);
    }

    /**
     * The {@code prune-backups} property string, e.g. {@code keep-last=3,keep-daily=7}.
     *
     * @return the wire form
     */
    public String wire() {
        if (keepAll) {
            return "keep-all=1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < KEYS.length; i++) {
            if (counts[i] > 0) {
                sb.append(sb.length() == 0 ? "" : ",").append(KEYS[i]).append('=').append(counts[i]);
            }
        }
        return sb.toString();
    }

    /**
     * The rules as a map from Proxmox's key ({@code keep-last}, ...) to its count; only set rules.
     *
     * @return the rules
     */
    public Map<String, Integer> rules() {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (keepAll) {
            out.put("keep-all", 1);
        }
        for (int i = 0; i < KEYS.length; i++) {
            if (counts[i] > 0) {
                out.put(KEYS[i], counts[i]);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Retention r && r.keepAll == keepAll && java.util.Arrays.equals(r.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(counts) + (keepAll ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Retention[" + wire() + "]";
    }

    /** Builds a {@link Retention}. */
    public static final class Builder {
        private final int[] counts = new int[KEYS.length];
        private boolean keepAll;

        private Builder() {
        }

        private Builder set(int i, int n) {
            if (n < 0) {
                throw new IllegalArgumentException(KEYS[i] + ": " + n + " must not be negative");
            }
            counts[i] = n;
            return this;
        }

        /**
         * Keeps the newest {@code n} backups.
         *
         * @param n the count, 0 to unset
         * @return this builder
         */
        public Builder keepLast(int n) {
            return set(0, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} hours that have one.
         *
         * @param n the count, 0 to unset
         * @return this builder
         */
        public Builder keepHourly(int n) {
            return set(1, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} days that have one.
         *
         * @param n the count, 0 to unset
         * @return this builder
         */
        public Builder keepDaily(int n) {
            return set(2, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} ISO weeks that have one.
         *
         * @param n the count, 0 to unset
         * @return this builder
         */
        public Builder keepWeekly(int n) {
            return set(3, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} months that have one.
         *
         * @param n the count, 0 to unset
         * @return this builder
         */
        public Builder keepMonthly(int n) {
            return set(4, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} years that have one.
         *
         * @param n the count, 0 to unset
         * @return this builder
         */
        public Builder keepYearly(int n) {
            return set(5, n);
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException if no rule is set (Proxmox would keep everything; say
         *         {@link Retention#keepAll()} for that)
         */
        public Retention build() {
            if (java.util.Arrays.stream(counts).allMatch(c -> c == 0)) {
                throw new IllegalStateException("retention: set at least one keep rule (keepLast, keepDaily, ...), "
                        + "or use Retention.keepAll()");
            }
            return new Retention(this);
        }
    }
}
