package io.github.proxmoxlxc.core.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A clone of a container ({@code POST .../clone}): full (copies every volume; any container) or
 * linked (shares the template's base volumes; templates only), to another node, storage or pool.
 *
 * <pre>{@code
 * Upid u = pve.node("pve1").container(9000).cloneTo(CloneRequest.builder().newid(120).linked().hostname("web-3").build());
 * }</pre>
 */
public final class CloneRequest {
    private final int newid;
    private final Boolean full;
    private final String target;
    private final String storage;
    private final String pool;
    private final String hostname;
    private final String description;

    private CloneRequest(Builder b) {
        this.newid = b.newid;
        this.full = b.full;
        this.target = b.target;
        this.storage = b.storage;
        this.pool = b.pool;
        this.hostname = b.hostname;
        this.description = b.description;
    }

    /**
     * Starts a request.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The VMID of the copy.
     *
     * @return the new VMID
     */
    public int newid() {
        return newid;
    }

    /**
     * Whether the clone is full; empty for Proxmox's default (linked for a template, full otherwise).
     *
     * @return true for full, false for linked
     */
    public Optional<Boolean> full() {
        return Optional.ofNullable(full);
    }

    /**
     * The target node; empty for the source's node.
     *
     * @return the node
     */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /**
     * The storage of a full clone's volumes; empty for the source's storages.
     *
     * @return the storage
     */
    public Optional<String> storage() {
        return Optional.ofNullable(storage);
    }

    /**
     * The pool the copy joins.
     *
     * @return the pool
     */
    public Optional<String> pool() {
        return Optional.ofNullable(pool);
    }

    /**
     * The copy's host name; empty to keep the source's.
     *
     * @return the host name
     */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("newid", Integer.toString(newid));
        if (full != null) {
            p.put("full", full ? "1" : "0");
        }
        if (target != null) {
            p.put("target", target);
        }
        if (storage != null) {
            p.put("storage", storage);
        }
        if (pool != null) {
            p.put("pool", pool);
        }
        if (hostname != null) {
            p.put("hostname", hostname);
        }
        if (description != null) {
            p.put("description", description);
        }
        return p;
    }

    @Override
    public String toString() {
        return "CloneRequest[" + newid + (full == null ? "" : full ? ", full" : ", linked")
                + (target == null ? "" : ", to " + target) + (storage == null ? "" : ", on " + storage) + "]";
    }

    /** Builds a {@link CloneRequest}. */
    public static final class Builder {
        private int newid;
        private Boolean full;
        private String target;
        private String storage;
        private String pool;
        private String hostname;
        private String description;

        private Builder() {
        }

        /**
         * Sets the VMID of the copy (required).
         *
         * @param newid 100..999999999
         * @return this builder
         */
        public Builder newid(int newid) {
            if (newid < 100 || newid > 999_999_999) {
                throw new IllegalArgumentException("newid: " + newid + " must be 100..999999999");
            }
            this.newid = newid;
            return this;
        }

        /**
         * Copies every volume (works for any container; needed for {@link #storage(String)}).
         *
         * @return this builder
         */
        public Builder full() {
            this.full = true;
            return this;
        }

        /**
         * Shares the template's base volumes (only from a template; no {@link #storage(String)}).
         *
         * @return this builder
         */
        public Builder linked() {
            this.full = false;
            return this;
        }

        /**
         * Creates the copy on another node (the volumes must be on shared storage).
         *
         * @param node the node
         * @return this builder
         */
        public Builder target(String node) {
            this.target = Objects.requireNonNull(node, "node");
            return this;
        }

        /**
         * Puts a full clone's volumes on this storage.
         *
         * @param storage the storage
         * @return this builder
         */
        public Builder storage(String storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Adds the copy to a pool.
         *
         * @param pool the pool
         * @return this builder
         */
        public Builder pool(String pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /**
         * Sets the copy's host name.
         *
         * @param hostname a DNS name
         * @return this builder
         */
        public Builder hostname(String hostname) {
            this.hostname = Objects.requireNonNull(hostname, "hostname");
            return this;
        }

        /**
         * Sets the copy's description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if newid is missing, or a linked clone names a storage
         */
        public CloneRequest build() {
            if (newid == 0) {
                throw new IllegalStateException("newid: is required");
            }
            if (Boolean.FALSE.equals(full) && storage != null) {
                throw new IllegalStateException("storage: a linked clone stays on the template's storage; "
                        + "use full() to copy to '" + storage + "'");
            }
            return new CloneRequest(this);
        }
    }
}
