package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.internal.provision.PlanJson;
import io.github.proxmoxlxc.core.internal.provision.PlanText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What provisioning a request will do, before it is done: the API calls with their exact
 * parameters, the node-side patch lines, the privileges each step needs and the equivalent
 * {@code pct} commands. Values that cannot be known without asking the cluster (the VMID from
 * {@code nextid}, the node chosen by placement, the template volume) are empty and appear as
 * {@code {vmid}}, {@code {node}} in paths; a plan from {@link Provisioner#preflight} has them.
 *
 * <pre>{@code
 * ProvisionPlan plan = Provisioner.offline().plan(spec);
 * System.out.println(plan.render());      // human-readable
 * String json = plan.toJson();             // for pipelines
 * }</pre>
 */
public final class ProvisionPlan {
    private final String label;
    private final String node;
    private final Integer vmid;
    private final String template;
    private final String templateVolume;
    private final String rootfsStorage;
    private final String templateStorage;
    private final List<PlannedCall> calls;
    private final NodePatch nodePatch;
    private final List<String> nodePatchLines;
    private final List<String> warnings;
    private final List<String> notes;
    private final boolean resolved;

    private ProvisionPlan(Builder b) {
        this.label = Objects.requireNonNull(b.label, "label");
        this.node = b.node;
        this.vmid = b.vmid;
        this.template = Objects.requireNonNull(b.template, "template");
        this.templateVolume = b.templateVolume;
        this.rootfsStorage = b.rootfsStorage;
        this.templateStorage = b.templateStorage;
        this.calls = List.copyOf(b.calls);
        this.nodePatch = Objects.requireNonNull(b.nodePatch, "nodePatch");
        this.nodePatchLines = List.copyOf(b.nodePatchLines);
        this.warnings = List.copyOf(b.warnings);
        this.notes = List.copyOf(b.notes);
        this.resolved = b.resolved;
    }

    /**
     * Starts building a plan (used by the provisioner; public for custom planners and tests).
     *
     * @param label the request's label
     * @param template the template reference
     * @return the builder
     */
    public static Builder builder(String label, String template) {
        Builder b = new Builder();
        b.label = label;
        b.template = template;
        return b;
    }

    /**
     * The request's label (hostname).
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The node, when known (explicit, or chosen by preflight).
     *
     * @return the node
     */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /**
     * The VMID, when the spec sets one.
     *
     * @return the VMID
     */
    public OptionalInt vmid() {
        return vmid == null ? OptionalInt.empty() : OptionalInt.of(vmid);
    }

    /**
     * The template as requested.
     *
     * @return e.g. {@code debian-12-standard}
     */
    public String template() {
        return template;
    }

    /**
     * The template volume, when known (an exact volume id, or found by preflight).
     *
     * @return e.g. {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}
     */
    public Optional<String> templateVolume() {
        return Optional.ofNullable(templateVolume);
    }

    /**
     * The rootfs storage, when known.
     *
     * @return the storage id
     */
    public Optional<String> rootFsStorage() {
        return Optional.ofNullable(rootfsStorage);
    }

    /**
     * The template storage, when known.
     *
     * @return the storage id
     */
    public Optional<String> templateStorage() {
        return Optional.ofNullable(templateStorage);
    }

    /**
     * Every step in order: reads, changing calls and node-side edits.
     *
     * @return an unmodifiable list
     */
    public List<PlannedCall> calls() {
        return calls;
    }

    /**
     * The changing calls as {@code METHOD path}, in order; compare with
     * {@link ProvisionResult#calls()}.
     *
     * @return an unmodifiable list
     */
    public List<String> changingCalls() {
        List<String> out = new ArrayList<>();
        for (PlannedCall c : calls) {
            if (c.changes() && !c.method().equals("NODE")) {
                out.add(c.key());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The node-side patch.
     *
     * @return the patch, possibly empty
     */
    public NodePatch nodePatch() {
        return nodePatch;
    }

    /**
     * The node-side patch as lines per file ({@code # /etc/pve/lxc/<vmid>.conf}, {@code # /etc/subuid},
     * {@code # /etc/subgid} headers).
     *
     * @return an unmodifiable list, empty without a patch
     */
    public List<String> nodePatchLines() {
        return nodePatchLines;
    }

    /**
     * Every privilege the plan needs, without duplicates, in step order.
     *
     * @return an unmodifiable list
     */
    public List<RequiredPrivilege> privileges() {
        LinkedHashSet<RequiredPrivilege> all = new LinkedHashSet<>();
        calls.forEach(c -> all.addAll(c.privileges()));
        return List.copyOf(all);
    }

    /**
     * Whether anything in the plan needs a {@code root@pam} ticket.
     *
     * @return true when an API token cannot do it all
     */
    public boolean requiresRootAtPam() {
        return privileges().stream().anyMatch(p -> p.kind() == RequiredPrivilege.Kind.ROOT_AT_PAM);
    }

    /**
     * The equivalent shell commands on a node, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> commands() {
        List<String> out = new ArrayList<>();
        calls.stream().map(PlannedCall::command).filter(c -> !c.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Things to act on: options that need root@pam, a node patch that will only be printed.
     *
     * @return an unmodifiable list
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Information that needs no action: values only known at run time, what happens on failure.
     *
     * @return an unmodifiable list
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Whether node, storages and template were resolved against the cluster (by preflight).
     *
     * @return true for a preflight plan, false for an offline one
     */
    public boolean resolved() {
        return resolved;
    }

    /**
     * A human-readable rendering: summary, steps with parameters and privileges, node patch, pct
     * commands, warnings.
     *
     * @return multi-line text
     */
    public String render() {
        return PlanText.render(this);
    }

    /**
     * The plan as a JSON object (stable field names: {@code label}, {@code node}, {@code vmid},
     * {@code template}, {@code templateVolume}, {@code rootfsStorage}, {@code templateStorage},
     * {@code resolved}, {@code calls[]} with {@code step}, {@code method}, {@code path},
     * {@code params}, {@code privileges[]}, {@code command}, {@code note}; {@code nodePatch} with
     * {@code lines}; {@code privileges[]}, {@code commands[]}, {@code warnings[]}, {@code notes[]}); unknown values
     * are {@code null}.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        return PlanJson.write(this);
    }

    @Override
    public String toString() {
        return render();
    }

    /** Builds a {@link ProvisionPlan}. */
    public static final class Builder {
        private String label;
        private String node;
        private Integer vmid;
        private String template;
        private String templateVolume;
        private String rootfsStorage;
        private String templateStorage;
        private final List<PlannedCall> calls = new ArrayList<>();
        private NodePatch nodePatch = NodePatch.builder().build();
        private final List<String> nodePatchLines = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private boolean resolved;

        private Builder() {
        }

        /**
         * Sets the node.
         *
         * @param node the node, or null when unknown
         * @return this builder
         */
        public Builder node(String node) {
            this.node = node;
            return this;
        }

        /**
         * Sets the VMID.
         *
         * @param vmid the id, or null when unknown
         * @return this builder
         */
        public Builder vmid(Integer vmid) {
            this.vmid = vmid;
            return this;
        }

        /**
         * Sets the template volume.
         *
         * @param volume the volume id, or null when unknown
         * @return this builder
         */
        public Builder templateVolume(String volume) {
            this.templateVolume = volume;
            return this;
        }

        /**
         * Sets the rootfs storage.
         *
         * @param storage the storage id, or null when unknown
         * @return this builder
         */
        public Builder rootFsStorage(String storage) {
            this.rootfsStorage = storage;
            return this;
        }

        /**
         * Sets the template storage.
         *
         * @param storage the storage id, or null when unknown
         * @return this builder
         */
        public Builder templateStorage(String storage) {
            this.templateStorage = storage;
            return this;
        }

        /**
         * Adds a step.
         *
         * @param call the call
         * @return this builder
         */
        public Builder addCall(PlannedCall call) {
            calls.add(Objects.requireNonNull(call, "call"));
            return this;
        }

        /**
         * Sets the node patch and its rendered lines.
         *
         * @param patch the patch
         * @param lines the lines per file
         * @return this builder
         */
        public Builder nodePatch(NodePatch patch, List<String> lines) {
            this.nodePatch = Objects.requireNonNull(patch, "patch");
            this.nodePatchLines.clear();
            this.nodePatchLines.addAll(lines);
            return this;
        }

        /**
         * Adds a warning.
         *
         * @param warning the text
         * @return this builder
         */
        public Builder addWarning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /**
         * Adds an informational note.
         *
         * @param note the text
         * @return this builder
         */
        public Builder addNote(String note) {
            notes.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /**
         * Marks the plan as resolved against the cluster.
         *
         * @param resolved true after preflight
         * @return this builder
         */
        public Builder resolved(boolean resolved) {
            this.resolved = resolved;
            return this;
        }

        /**
         * Builds the plan.
         *
         * @return the plan
         */
        public ProvisionPlan build() {
            return new ProvisionPlan(this);
        }
    }
}
