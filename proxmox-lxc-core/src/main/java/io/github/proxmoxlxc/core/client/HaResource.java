package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A container as an HA resource ({@code ct:<vmid>} in {@code resources.cfg}): what
 * {@link Ha#add(HaResource)} and {@link Ha#update(HaResource)} send and {@link Ha#resources()} reads.
 * Unset options keep Proxmox's defaults (state {@code started}, max_restart 1, max_relocate 1).
 *
 * <pre>{@code
 * pve.cluster().ha().add(HaResource.builder(120).state(HaRequestState.STARTED).maxRestart(2).comment("web")
 *         .build());
 * }</pre>
 */
public final class HaResource {
    private final int vmid;
    private final HaRequestState state;
    private final String rawState;
    private final String group;
    private final Integer maxRestart;
    private final Integer maxRelocate;
    private final String comment;

    private HaResource(Builder b) {
        this.vmid = b.vmid;
        this.state = b.state;
        this.rawState = b.rawState;
        this.group = b.group;
        this.maxRestart = b.maxRestart;
        this.maxRelocate = b.maxRelocate;
        this.comment = b.comment;
    }

    /**
     * Starts a builder for container {@code vmid}.
     *
     * @param vmid the container
     * @return a builder
     */
    public static Builder builder(int vmid) {
        return new Builder(Paths.vmid(vmid));
    }

    /**
     * The container.
     *
     * @return the vmid
     */
    public int vmid() {
        return vmid;
    }

    /**
     * The resource id, {@code ct:<vmid>}.
     *
     * @return the sid
     */
    public String sid() {
        return "ct:" + vmid;
    }

    /**
     * The requested state. Read from Proxmox, {@code enabled} (an alias) is {@link HaRequestState#STARTED} and a
     * state this version does not know is {@link HaRequestState#UNKNOWN} (see {@link #rawState()}).
     *
     * @return the state, empty when unset (Proxmox's default is {@link HaRequestState#STARTED})
     */
    public Optional<HaRequestState> state() {
        return Optional.ofNullable(state);
    }

    /**
     * The requested state as text: as Proxmox sent it for a resource read from it ({@code enabled}, or a newer
     * value), else the {@link HaRequestState#wireName()} of the state set on the builder.
     *
     * @return the text, empty when unset
     */
    public Optional<String> rawState() {
        return Optional.ofNullable(rawState);
    }

    /**
     * What {@link #params()} sends: the wire name, or for {@link HaRequestState#UNKNOWN} the text as read, so a
     * resource read from Proxmox and sent back keeps its state.
     */
    private String stateParam() {
        return state == null ? null : state == HaRequestState.UNKNOWN ? rawState : state.wireName();
    }

    /**
     * The HA group (clusters before HA rules).
     *
     * @return the group
     */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /**
     * How often the HA manager restarts the container on its node before relocating it.
     *
     * @return the count, empty for Proxmox's default 1
     */
    public OptionalInt maxRestart() {
        return maxRestart == null ? OptionalInt.empty() : OptionalInt.of(maxRestart);
    }

    /**
     * How often the HA manager relocates the container to another node.
     *
     * @return the count, empty for Proxmox's default 1
     */
    public OptionalInt maxRelocate() {
        return maxRelocate == null ? OptionalInt.empty() : OptionalInt.of(maxRelocate);
    }

    /**
     * A free-text comment.
     *
     * @return the comment
     */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (state != null) {
            p.put("state", stateParam());
        }
        if (group != null) {
            p.put("group", group);
        }
        if (maxRestart != null) {
            p.put("max_restart", maxRestart.toString());
        }
        if (maxRelocate != null) {
            p.put("max_relocate", maxRelocate.toString());
        }
        if (comment != null) {
            p.put("comment", comment);
        }
        return p;
    }

    @Override
    public String toString() {
        return "HaResource[" + sid() + (state == null ? "" : ", state=" + rawState) + (group == null ? "" : ", group="
                + group) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HaResource r && r.vmid == vmid && Objects.equals(r.stateParam(), stateParam())
                && Objects.equals(r.group, group) && Objects.equals(r.maxRestart, maxRestart)
                && Objects.equals(r.maxRelocate, maxRelocate) && Objects.equals(r.comment, comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vmid, stateParam(), group, maxRestart, maxRelocate, comment);
    }

    /** Builds an {@link HaResource}. */
    public static final class Builder {
        private final int vmid;
        private HaRequestState state;
        private String rawState;
        private String group;
        private Integer maxRestart;
        private Integer maxRelocate;
        private String comment;

        private Builder(int vmid) {
            this.vmid = vmid;
        }

        /**
         * The requested state.
         *
         * @param state {@link HaRequestState#STARTED}, {@link HaRequestState#STOPPED},
         *     {@link HaRequestState#DISABLED} or {@link HaRequestState#IGNORED}
         * @return this builder
         * @throws IllegalArgumentException for {@link HaRequestState#UNKNOWN}, which only stands for a state read
         *     from a newer Proxmox
         */
        public Builder state(HaRequestState state) {
            Objects.requireNonNull(state, "state");
            if (state == HaRequestState.UNKNOWN) {
                throw new IllegalArgumentException("state: UNKNOWN cannot be requested (it stands for a state read "
                        + "from a newer Proxmox); must be one of STARTED, STOPPED, DISABLED, IGNORED");
            }
            this.state = state;
            this.rawState = state.wireName();
            return this;
        }

        /** The state as read from Proxmox: any text, kept as sent ({@link Wire#haResource}). */
        Builder rawState(String text) {
            this.state = HaRequestState.of(text);
            this.rawState = text;
            return this;
        }

        /**
         * The HA group.
         *
         * @param group a group id ({@code pve-configid})
         * @return this builder
         */
        public Builder group(String group) {
            Objects.requireNonNull(group, "group");
            if (!group.matches("[A-Za-z][A-Za-z0-9_\\-]+")) {
                throw new IllegalArgumentException("group: '" + group + "' is not a group id (a letter, then "
                        + "letters, digits, _ or -)");
            }
            this.group = group;
            return this;
        }

        /**
         * Restarts on the same node before relocating.
         *
         * @param n 0..10
         * @return this builder
         */
        public Builder maxRestart(int n) {
            this.maxRestart = range("maxRestart", n);
            return this;
        }

        /**
         * Relocations to other nodes.
         *
         * @param n 0..10
         * @return this builder
         */
        public Builder maxRelocate(int n) {
            this.maxRelocate = range("maxRelocate", n);
            return this;
        }

        /**
         * A comment.
         *
         * @param comment at most 4096 characters
         * @return this builder
         */
        public Builder comment(String comment) {
            Objects.requireNonNull(comment, "comment");
            if (comment.length() > 4096) {
                throw new IllegalArgumentException("comment: " + comment.length() + " characters; at most 4096");
            }
            this.comment = comment;
            return this;
        }

        private static int range(String name, int n) {
            if (n < 0 || n > 10) {
                throw new IllegalArgumentException(name + ": " + n + " must be 0..10");
            }
            return n;
        }

        /**
         * Builds the resource.
         *
         * @return the resource
         */
        public HaResource build() {
            return new HaResource(this);
        }
    }
}
