package io.github.proxmoxlxc.core.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A restore of a vzdump archive into a new container or over an existing one
 * ({@code POST /nodes/{node}/lxc} with {@code restore=1}).
 *
 * <p>Over an existing container ({@link Builder#force(boolean) force}), Proxmox removes the old
 * volumes before it extracts the archive: if the restore then fails, the container is gone. Take
 * a backup or keep the old one under another VMID when that matters.
 *
 * <pre>{@code
 * RestoreRequest r = RestoreRequest.builder().vmid(201).archive(backup.volid()).storage("local-lvm").unique(true).build();
 * }</pre>
 */
public final class RestoreRequest {
    private final int vmid;
    private final String archive;
    private final String storage;
    private final boolean force;
    private final boolean unique;
    private final boolean start;

    private RestoreRequest(Builder b) {
        this.vmid = b.vmid;
        this.archive = b.archive;
        this.storage = b.storage;
        this.force = b.force;
        this.unique = b.unique;
        this.start = b.start;
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
     * A builder holding this request's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().vmid(vmid).archive(archive).force(force).unique(unique).start(start);
        b.storage = storage;
        return b;
    }

    /**
     * The VMID restored into.
     *
     * @return the VMID
     */
    public int vmid() {
        return vmid;
    }

    /**
     * The archive's volume id.
     *
     * @return e.g. {@code local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst}
     */
    public String archive() {
        return archive;
    }

    /**
     * The storage for every volume; empty to use the storages recorded in the backup.
     *
     * @return the storage
     */
    public Optional<String> storage() {
        return Optional.ofNullable(storage);
    }

    /**
     * Whether an existing container with the VMID is overwritten.
     *
     * @return true to overwrite
     */
    public boolean force() {
        return force;
    }

    /**
     * Whether new MAC addresses are generated (for a copy running next to the original).
     *
     * @return true for new addresses
     */
    public boolean unique() {
        return unique;
    }

    /**
     * Whether the container is started after the restore.
     *
     * @return true to start
     */
    public boolean start() {
        return start;
    }

    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", Integer.toString(vmid));
        p.put("ostemplate", archive);
        p.put("restore", "1");
        if (storage != null) {
            p.put("storage", storage);
        }
        if (force) {
            p.put("force", "1");
        }
        if (unique) {
            p.put("unique", "1");
        }
        if (start) {
            p.put("start", "1");
        }
        return p;
    }

    @Override
    public String toString() {
        return "RestoreRequest[" + archive + " -> " + vmid + (storage == null ? "" : " on " + storage)
                + (force ? ", force" : "") + (unique ? ", unique" : "") + "]";
    }

    /** Builds a {@link RestoreRequest}. */
    public static final class Builder {
        private int vmid;
        private String archive;
        private String storage;
        private boolean force;
        private boolean unique;
        private boolean start;

        private Builder() {
        }

        /**
         * Sets the VMID to restore into (required).
         *
         * @param vmid 100..999999999
         * @return this builder
         */
        public Builder vmid(int vmid) {
            if (vmid < 100 || vmid > 999_999_999) {
                throw new IllegalArgumentException("vmid: " + vmid + " must be 100..999999999");
            }
            this.vmid = vmid;
            return this;
        }

        /**
         * Sets the archive (required).
         *
         * @param volid the backup's volume id, {@code storage:backup/...}
         * @return this builder
         */
        public Builder archive(String volid) {
            Objects.requireNonNull(volid, "volid");
            if (!volid.matches("[A-Za-z][A-Za-z0-9\\-_.]*:.+")) {
                throw new IllegalArgumentException("archive: '" + volid + "' must be a volume id such as "
                        + "local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst");
            }
            this.archive = volid;
            return this;
        }

        /**
         * Puts every volume on one storage (default: the storages recorded in the backup).
         *
         * @param storage a storage with content type {@code rootdir}
         * @return this builder
         */
        public Builder storage(String storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Overwrites an existing, stopped container with the VMID (its volumes are removed first).
         *
         * @param force true to overwrite
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * Generates new MAC addresses.
         *
         * @param unique true for new addresses
         * @return this builder
         */
        public Builder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        /**
         * Starts the container after the restore.
         *
         * @param start true to start
         * @return this builder
         */
        public Builder start(boolean start) {
            this.start = start;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if the VMID or the archive is missing
         */
        public RestoreRequest build() {
            if (vmid == 0 || archive == null) {
                throw new IllegalStateException("restore: " + (vmid == 0 ? "vmid" : "archive") + " is required");
            }
            return new RestoreRequest(this);
        }
    }
}
