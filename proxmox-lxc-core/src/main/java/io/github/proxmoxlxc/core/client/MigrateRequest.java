package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Container#migrate(MigrateRequest)} sends ({@code POST .../migrate}). A running
 * container can only move in restart mode (LXC has no live migration): it is shut down, its local
 * volumes are copied, and it is started on the target.
 *
 * <pre>{@code
 * MigrateRequest.builder().target("pve2").restart(true).targetStorage("local-lvm").build();
 * }</pre>
 */
public final class MigrateRequest {
    private final String target;
    private final boolean restart;
    private final String targetStorage;
    private final Duration shutdownTimeout;

    private MigrateRequest(Builder b) {
        this.target = Objects.requireNonNull(b.target, "target: the node to move to is required");
        this.restart = b.restart;
        this.targetStorage = b.targetStorage;
        this.shutdownTimeout = b.shutdownTimeout;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The target node.
     *
     * @return the node name
     */
    public String target() {
        return target;
    }

    /**
     * Whether a running container is shut down, moved and started on the target.
     *
     * @return restart mode
     */
    public boolean restart() {
        return restart;
    }

    /**
     * The storage on the target node for the local volumes.
     *
     * @return the storage id, empty to keep each volume's storage id
     */
    public Optional<String> targetStorage() {
        return Optional.ofNullable(targetStorage);
    }

    /**
     * How long the shutdown in restart mode may take before the container is stopped.
     *
     * @return the timeout, empty for Proxmox's 180 s
     */
    public Optional<Duration> shutdownTimeout() {
        return Optional.ofNullable(shutdownTimeout);
    }

    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("target", target);
        if (restart) {
            p.put("restart", "1");
        }
        if (targetStorage != null) {
            p.put("target-storage", targetStorage);
        }
        if (shutdownTimeout != null) {
            p.put("timeout", Long.toString(shutdownTimeout.toSeconds()));
        }
        return p;
    }

    @Override
    public String toString() {
        return "MigrateRequest[target=" + target + (restart ? ", restart" : "")
                + (targetStorage == null ? "" : ", targetStorage=" + targetStorage) + "]";
    }

    /** Builds a {@link MigrateRequest}. */
    public static final class Builder {
        private String target;
        private boolean restart;
        private String targetStorage;
        private Duration shutdownTimeout;

        private Builder() {
        }

        /**
         * The node to move to (required).
         *
         * @param node a node name ({@code pve-node})
         * @return this builder
         */
        public Builder target(String node) {
            this.target = Paths.node(Objects.requireNonNull(node, "target"));
            return this;
        }

        /**
         * Restart mode: required to move a running container.
         *
         * @param restart true to shut down, move and start again
         * @return this builder
         */
        public Builder restart(boolean restart) {
            this.restart = restart;
            return this;
        }

        /**
         * The storage on the target node for every local volume.
         *
         * @param storage a storage id ({@code pve-storage-id})
         * @return this builder
         */
        public Builder targetStorage(String storage) {
            Objects.requireNonNull(storage, "targetStorage");
            if (!storage.matches("[A-Za-z][A-Za-z0-9\\-_.]*")) {
                throw new IllegalArgumentException("targetStorage: '" + storage + "' is not a storage id "
                        + "(pve-storage-id: a letter, then letters, digits, - _ .)");
            }
            this.targetStorage = storage;
            return this;
        }

        /**
         * How long the shutdown in restart mode may take.
         *
         * @param timeout at least one second
         * @return this builder
         */
        public Builder shutdownTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "shutdownTimeout");
            if (timeout.toSeconds() < 1) {
                throw new IllegalArgumentException("shutdownTimeout: " + timeout + " must be at least one second");
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws NullPointerException if no target was set
         */
        public MigrateRequest build() {
            return new MigrateRequest(this);
        }
    }
}
