package io.github.proxmoxlxc.core.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Backups#backup(BackupRequest)} backs up and how: one or more containers (or all on
 * the node) to a storage, with a mode, a compression, a notes template and protection.
 *
 * <pre>{@code
 * BackupRequest req = BackupRequest.builder().addVmid(101).addVmid(102).storage("local")
 *         .mode(BackupMode.SNAPSHOT).compression(Compression.ZSTD).notesTemplate("{{guestname}} nightly").build();
 * }</pre>
 */
public final class BackupRequest {
    private final List<Integer> vmids;
    private final boolean all;
    private final String storage;
    private final BackupMode mode;
    private final Compression compression;
    private final String notesTemplate;
    private final boolean protect;

    private BackupRequest(Builder b) {
        this.vmids = List.copyOf(b.vmids);
        this.all = b.all;
        this.storage = b.storage;
        this.mode = b.mode;
        this.compression = b.compression;
        this.notesTemplate = b.notesTemplate;
        this.protect = b.protect;
    }

    /**
     * Starts a request: defaults are snapshot mode and zstd compression.
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
        Builder b = new Builder().vmids(vmids).storage(storage).mode(mode).compression(compression).protect(protect);
        b.all = all;
        b.notesTemplate = notesTemplate;
        return b;
    }

    /**
     * The containers to back up (empty with {@link #all()}).
     *
     * @return the VMIDs
     */
    public List<Integer> vmids() {
        return vmids;
    }

    /**
     * Whether every guest on the node is backed up.
     *
     * @return true for all
     */
    public boolean all() {
        return all;
    }

    /**
     * The target storage (it must have content type {@code backup}).
     *
     * @return the storage id
     */
    public String storage() {
        return storage;
    }

    /**
     * The backup mode.
     *
     * @return the mode
     */
    public BackupMode mode() {
        return mode;
    }

    /**
     * The compression.
     *
     * @return the compression
     */
    public Compression compression() {
        return compression;
    }

    /**
     * The notes template ({@code {{guestname}}}, {@code {{vmid}}}, {@code {{node}}}, {@code {{cluster}}}).
     *
     * @return the template, or empty
     */
    public Optional<String> notesTemplate() {
        return Optional.ofNullable(notesTemplate);
    }

    /**
     * Whether the new backups are protected from removal and pruning.
     *
     * @return true if protected
     */
    public boolean protect() {
        return protect;
    }

    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (all) {
            p.put("all", "1");
        } else {
            p.put("vmid", String.join(",", vmids.stream().map(String::valueOf).toList()));
        }
        p.put("storage", storage);
        p.put("mode", mode.wire());
        p.put("compress", compression.wire());
        if (notesTemplate != null) {
            p.put("notes-template", notesTemplate);
        }
        if (protect) {
            p.put("protected", "1");
        }
        return p;
    }

    @Override
    public String toString() {
        return "BackupRequest[" + (all ? "all" : vmids) + " -> " + storage + ", " + mode.wire() + ", "
                + compression.wire() + (protect ? ", protected" : "") + "]";
    }

    /** Builds a {@link BackupRequest}; {@link #build()} checks it. */
    public static final class Builder {
        private final List<Integer> vmids = new ArrayList<>();
        private boolean all;
        private String storage;
        private BackupMode mode = BackupMode.SNAPSHOT;
        private Compression compression = Compression.ZSTD;
        private String notesTemplate;
        private boolean protect;

        private Builder() {
        }

        /**
         * Replaces the containers to back up.
         *
         * @param vmids the VMIDs
         * @return this builder
         */
        public Builder vmids(List<Integer> vmids) {
            this.vmids.clear();
            Objects.requireNonNull(vmids, "vmids").forEach(this::addVmid);
            return this;
        }

        /**
         * Adds one container.
         *
         * @param vmid the VMID (100..999999999)
         * @return this builder
         */
        public Builder addVmid(int vmid) {
            if (vmid < 100 || vmid > 999_999_999) {
                throw new IllegalArgumentException("vmid: " + vmid + " must be 100..999999999");
            }
            if (!vmids.contains(vmid)) {
                vmids.add(vmid);
            }
            this.all = false;
            return this;
        }

        /**
         * Backs up every guest on the node instead of a list.
         *
         * @return this builder
         */
        public Builder allOnNode() {
            this.vmids.clear();
            this.all = true;
            return this;
        }

        /**
         * Sets the target storage (required).
         *
         * @param storage a storage with content type {@code backup}, e.g. {@code local}
         * @return this builder
         */
        public Builder storage(String storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Sets the mode (default {@link BackupMode#SNAPSHOT}).
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder mode(BackupMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the compression (default {@link Compression#ZSTD}).
         *
         * @param compression the compression
         * @return this builder
         */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /**
         * Sets the notes template, e.g. {@code {{guestname}} before upgrade}; one line, at most 1024 characters.
         *
         * @param template the template
         * @return this builder
         */
        public Builder notesTemplate(String template) {
            Objects.requireNonNull(template, "template");
            if (template.contains("\n") || template.length() > 1024) {
                throw new IllegalArgumentException("notesTemplate: must be one line of at most 1024 characters "
                        + "(write \\n for a line break)");
            }
            this.notesTemplate = template;
            return this;
        }

        /**
         * Protects the new backups from removal and pruning.
         *
         * @param protect true to protect
         * @return this builder
         */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if no container or no storage is given
         */
        public BackupRequest build() {
            List<String> problems = new ArrayList<>();
            if (!all && vmids.isEmpty()) {
                problems.add("vmids: name at least one container, or call allOnNode()");
            }
            if (storage == null || storage.isBlank()) {
                problems.add("storage: is required, e.g. local (a storage with content type 'backup')");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            return new BackupRequest(this);
        }
    }
}
