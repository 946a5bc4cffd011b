package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.config.TemplateRef;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One container to provision: the spec, the template to use when the spec has no
 * {@code ostemplate}, an optional node-side patch, and an optional node.
 *
 * <pre>{@code
 * ProvisionRequest r = ProvisionRequest.builder()
 *         .spec(spec)                       // without vmid: one is allocated
 *         .template("debian-12-standard")   // or "ubuntu-24.04", or "local:vztmpl/..."
 *         .nodePatch(patch)                 // e.g. from the hardware module's PassthroughPlanner
 *         .build();
 * }</pre>
 */
public final class ProvisionRequest {
    /**
     * The root volume size in GiB when neither the spec nor {@link #rootFsSizeGiB()} gives one:
     * build.func's built-in {@code var_disk}, and what Proxmox allocates for a bare storage.
     */
    public static final int DEFAULT_ROOTFS_GIB = 4;

    private final ContainerSpec spec;
    private final String template;
    private final NodePatch nodePatch;
    private final String node;
    private final String templateStorage;
    private final Integer rootfsSizeGiB;

    private ProvisionRequest(Builder b) {
        this.spec = b.spec;
        this.template = b.template;
        this.nodePatch = b.nodePatch;
        this.node = b.node;
        this.templateStorage = b.templateStorage;
        this.rootfsSizeGiB = b.rootfsSizeGiB;
    }

    /**
     * A request for a spec alone (its {@code ostemplate} names the template).
     *
     * @param spec the container spec
     * @return the request
     */
    public static ProvisionRequest of(ContainerSpec spec) {
        return builder().spec(spec).build();
    }

    /**
     * Starts building a request.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.spec = spec;
        b.template = template;
        b.nodePatch = nodePatch;
        b.node = node;
        b.templateStorage = templateStorage;
        b.rootfsSizeGiB = rootfsSizeGiB;
        return b;
    }

    /**
     * The container spec.
     *
     * @return the spec
     */
    public ContainerSpec spec() {
        return spec;
    }

    /**
     * The template reference: the spec's {@code ostemplate} when set, else the one given here.
     *
     * @return e.g. {@code debian-12-standard} or {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}
     */
    public String template() {
        return spec.osTemplate().orElse(template);
    }

    /**
     * The node-side patch.
     *
     * @return the patch (empty patch when none was given)
     */
    public NodePatch nodePatch() {
        return nodePatch;
    }

    /**
     * The node the container must go to, overriding placement.
     *
     * @return the node, or empty to let placement choose
     */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /**
     * The template storage for this request, overriding {@link ProvisionOptions#templateStorage()}.
     *
     * @return the storage id, or empty to use the options' (or choose one)
     */
    public Optional<String> templateStorage() {
        return Optional.ofNullable(templateStorage);
    }

    /**
     * The size of the root volume allocated on the storage placement chooses, used only when
     * the spec has no {@code rootfs} (a spec's own {@code rootfs} always wins).
     *
     * @return the size in GiB, or empty for the default of
     *     {@value #DEFAULT_ROOTFS_GIB} GiB
     */
    public OptionalInt rootFsSizeGiB() {
        return rootfsSizeGiB == null ? OptionalInt.empty() : OptionalInt.of(rootfsSizeGiB);
    }

    /**
     * The label used in events and errors: the hostname, or {@code vmid <n>}, or {@code container}.
     *
     * @return the label
     */
    public String label() {
        if (spec.hostname().isPresent()) {
            return spec.hostname().get();
        }
        return spec.vmid().isPresent() ? "vmid " + spec.vmid().getAsInt() : "container";
    }

    @Override
    public String toString() {
        return "ProvisionRequest[" + label() + ", template " + template() + (node == null ? "" : ", node " + node)
                + (nodePatch.isEmpty() ? "" : ", with node patch") + "]";
    }

    /** Builds a {@link ProvisionRequest}. */
    public static final class Builder {
        private ContainerSpec spec;
        private String template;
        private NodePatch nodePatch = NodePatch.builder().build();
        private String node;
        private String templateStorage;
        private Integer rootfsSizeGiB;

        private Builder() {
        }

        /**
         * Sets the spec (required).
         *
         * @param spec the container spec
         * @return this builder
         */
        public Builder spec(ContainerSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /**
         * Sets the template, used when the spec has no {@code ostemplate}: a reference
         * {@code <os>-<version>[-<flavour>]} such as {@code debian-12-standard}, {@code ubuntu-24.04}
         * or {@code alpine-3.22} (the newest matching template wins; downloaded from {@code aplinfo}
         * when no storage has it), or an exact volume id {@code <storage>:vztmpl/<file>} used as is.
         *
         * @param template the reference or volume id
         * @return this builder
         */
        public Builder template(String template) {
            this.template = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * Sets the template from a configuration's {@link TemplateRef} ({@code var_os},
         * {@code var_version}, {@code var_template_storage}): the reference {@code <os>-<version>},
         * matched with build.func's rules, and the template storage when the configuration names one.
         *
         * @param ref the reference, e.g. from {@code ConfigMapping.template()}
         * @return this builder
         */
        public Builder template(TemplateRef ref) {
            Objects.requireNonNull(ref, "ref");
            this.template = ref.searchPrefix();
            ref.storage().ifPresent(this::templateStorage);
            return this;
        }

        /**
         * Sets the template storage for this request (where the template is looked for and downloaded to).
         *
         * @param storage a storage id
         * @return this builder
         */
        public Builder templateStorage(String storage) {
            Objects.requireNonNull(storage, "storage");
            if (!storage.matches("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]")) {
                throw new IllegalArgumentException("templateStorage: '" + storage + "' is not a storage id");
            }
            this.templateStorage = storage;
            return this;
        }

        /**
         * Sets the size of the root volume placement allocates when the spec has no
         * {@code rootfs} ({@code var_disk} without {@code var_container_storage}).
         *
         * @param sizeGiB the size in GiB, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code sizeGiB} is below 1
         */
        public Builder rootFsSizeGiB(int sizeGiB) {
            if (sizeGiB < 1) {
                throw new IllegalArgumentException("rootfsSizeGiB: " + sizeGiB + " must be at least 1");
            }
            this.rootfsSizeGiB = sizeGiB;
            return this;
        }

        /**
         * Sets the node-side patch applied after create and before the first start.
         *
         * @param nodePatch the patch
         * @return this builder
         */
        public Builder nodePatch(NodePatch nodePatch) {
            this.nodePatch = Objects.requireNonNull(nodePatch, "nodePatch");
            return this;
        }

        /**
         * Pins the container to a node (the spec's own options cannot say where).
         *
         * @param node the node name
         * @return this builder
         */
        public Builder node(String node) {
            this.node = Objects.requireNonNull(node, "node");
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException if the spec is missing, or neither the spec's
         *     {@code ostemplate} nor {@link #template(String)} names a template, or the template
         *     reference is malformed
         */
        public ProvisionRequest build() {
            if (spec == null) {
                throw new IllegalArgumentException("spec: is required");
            }
            String t = spec.osTemplate().orElse(template);
            if (t == null) {
                throw new IllegalArgumentException("template: is required when the spec has no ostemplate "
                        + "(e.g. debian-12-standard, ubuntu-24.04 or local:vztmpl/<file>)");
            }
            io.github.proxmoxlxc.core.internal.provision.TemplateName.check(t);
            if (node != null && !node.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?")) {
                throw new IllegalArgumentException("node: '" + node + "' is not a node name");
            }
            return new ProvisionRequest(this);
        }
    }
}
