package io.github.proxmoxlxc.hardware.passthrough;

import io.github.proxmoxlxc.hardware.conf.LxcConfigFile;
import io.github.proxmoxlxc.hardware.internal.GroupFile;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The container that receives the devices: privileged or not, and the gids of its own
 * {@code video}, {@code render} and {@code dialout} groups (the gids a {@code devN} entry must use;
 * the host's gids are irrelevant there).
 *
 * <p>Each gid is taken, first match wins, from an explicit setter, the container's
 * {@link Builder#groupFile(String) /etc/group}, or the known defaults of its
 * {@link Builder#template(String) template} (Debian 12: render 106, Debian 13: 992, Ubuntu 24.04:
 * 993, ...). When none gives a needed gid the planner fails and asks for it.
 */
public final class TargetContainer {
    private final Boolean privileged;
    private final Integer video;
    private final Integer render;
    private final Integer dialout;
    private final Map<String, Integer> groupFile;
    private final String template;
    private final LxcConfigFile existingConfig;

    private TargetContainer(Builder b) {
        this.privileged = b.privileged;
        this.video = b.video;
        this.render = b.render;
        this.dialout = b.dialout;
        this.groupFile = b.groupFile;
        this.template = b.template;
        this.existingConfig = b.existingConfig;
    }

    /**
     * An empty builder (unprivileged unless set otherwise or stated by the existing config).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.privileged = privileged;
        b.video = video;
        b.render = render;
        b.dialout = dialout;
        b.groupFile = groupFile;
        b.template = template;
        b.existingConfig = existingConfig;
        return b;
    }

    /**
     * Whether the container is privileged: as set, else as its existing config says, else false.
     *
     * @return true for a privileged container
     */
    public boolean privileged() {
        if (privileged != null) {
            return privileged;
        }
        return existingConfig != null && !existingConfig.unprivileged();
    }

    /**
     * The container's current config, if given: used for free {@code devN} indexes, devices
     * already passed, and an existing custom idmap.
     *
     * @return the config, or empty
     */
    public Optional<LxcConfigFile> existingConfig() {
        return Optional.ofNullable(existingConfig);
    }

    /**
     * The template name, if given.
     *
     * @return the name, or empty
     */
    public Optional<String> template() {
        return Optional.ofNullable(template);
    }

    /** A resolved gid and where it came from. */
    record Resolved(OptionalInt gid, String source) {
    }

    Resolved gid(String group) {
        Integer explicit = group.equals("video") ? video : group.equals("render") ? render : dialout;
        if (explicit != null) {
            return new Resolved(OptionalInt.of(explicit), "set explicitly");
        }
        if (groupFile != null && groupFile.containsKey(group)) {
            return new Resolved(OptionalInt.of(groupFile.get(group)), "from the container's /etc/group");
        }
        if (template != null) {
            Optional<Map.Entry<String, KnownTemplates.Gids>> t = KnownTemplates.lookup(template);
            if (t.isPresent()) {
                KnownTemplates.Gids g = t.get().getValue();
                Integer v = group.equals("video") ? Integer.valueOf(g.video()) : group.equals("render") ? g.render()
                        : Integer.valueOf(g.dialout());
                if (v != null) {
                    return new Resolved(OptionalInt.of(v), "known default for " + t.get().getKey()
                            + " templates (check the container's /etc/group)");
                }
            }
        }
        return new Resolved(OptionalInt.empty(), "");
    }

    @Override
    public String toString() {
        return "TargetContainer[privileged=" + privileged() + ", template=" + template + "]";
    }

    /** Builds a {@link TargetContainer}. */
    public static final class Builder {
        private Boolean privileged;
        private Integer video;
        private Integer render;
        private Integer dialout;
        private Map<String, Integer> groupFile;
        private String template;
        private LxcConfigFile existingConfig;

        private Builder() {
        }

        /**
         * Sets whether the container is privileged ({@code unprivileged: 0}).
         *
         * @param privileged true for privileged
         * @return this builder
         */
        public Builder privileged(boolean privileged) {
            this.privileged = privileged;
            return this;
        }

        /**
         * Sets the container's {@code video} gid (owner of {@code /dev/dri/card*}).
         *
         * @param gid 0 or more
         * @return this builder
         */
        public Builder videoGid(int gid) {
            this.video = requireGid("videoGid", gid);
            return this;
        }

        /**
         * Sets the container's {@code render} gid (owner of {@code /dev/dri/renderD*} and
         * {@code /dev/kfd}).
         *
         * @param gid 0 or more
         * @return this builder
         */
        public Builder renderGid(int gid) {
            this.render = requireGid("renderGid", gid);
            return this;
        }

        /**
         * Sets the container's {@code dialout} gid (owner of USB serial nodes), 20 on Debian and
         * Ubuntu.
         *
         * @param gid 0 or more
         * @return this builder
         */
        public Builder dialoutGid(int gid) {
            this.dialout = requireGid("dialoutGid", gid);
            return this;
        }

        /**
         * Reads the gids from the container's {@code /etc/group} content (malformed lines are
         * ignored).
         *
         * @param content the file's text
         * @return this builder
         */
        public Builder groupFile(String content) {
            this.groupFile = Map.copyOf(GroupFile.parse(Objects.requireNonNull(content, "content")));
            return this;
        }

        /**
         * Sets the template, for its known default gids when neither explicit gids nor a group
         * file give them, e.g. {@code debian-12-standard_12.7-1_amd64.tar.zst}.
         *
         * @param template the template name or volume id
         * @return this builder
         */
        public Builder template(String template) {
            this.template = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * Sets the container's current config.
         *
         * @param config the parsed {@code /etc/pve/lxc/<vmid>.conf}
         * @return this builder
         */
        public Builder existingConfig(LxcConfigFile config) {
            this.existingConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Builds the target.
         *
         * @return the target
         */
        public TargetContainer build() {
            return new TargetContainer(this);
        }

        private static int requireGid(String field, int gid) {
            if (gid < 0) {
                throw new IllegalArgumentException(field + "=" + gid + " must be >= 0");
            }
            return gid;
        }
    }
}
