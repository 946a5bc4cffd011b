package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.internal.provision.PatchLines;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.core.internal.provision.PatchText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a container needs on its node that the planner decided: config keys (the
 * {@code devN} entries), raw {@code lxc.*} lines, and lines for {@code /etc/subuid} and
 * {@code /etc/subgid}. It is plain strings and lists so that any writer — this module's
 * the hardware module's local-file writer, a provisioner calling the API, or a person reading a dry
 * run — can apply it. The provisioner hands it to a {@link NodePatchApplier} after the create.
 *
 * <p>Applying a patch is idempotent: keys are set, raw lines are added only when absent,
 * {@link #removeRawLines()} are removed first, and subordinate-id lines are appended only when
 * absent. An empty patch ({@link #isEmpty()}) changes nothing.
 *
 * <pre>{@code
 * NodePatch p = planner.plan(detection);
 * p.keys();          // {dev0=/dev/dri/card1,gid=44, dev1=/dev/dri/renderD128,gid=106}
 * p.rawLines();      // [] for devN style; lxc.cgroup2/lxc.mount.entry/lxc.idmap lines for legacy
 * p.subgidLines();   // [root:44:1, root:104:1] for legacy unprivileged
 * }</pre>
 */
public final class NodePatch {
    private final Map<String, String> keys;
    private final SortedMap<Integer, DeviceEntry> devices;
    private final List<String> rawLines;
    private final List<String> removeRawLines;
    private final List<String> subuidLines;
    private final List<String> subgidLines;
    private final List<String> notes;

    private NodePatch(Builder b) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(b.keys));
        this.devices = Collections.unmodifiableSortedMap(new TreeMap<>(b.devices));
        this.rawLines = List.copyOf(b.rawLines);
        this.removeRawLines = List.copyOf(b.removeRawLines);
        this.subuidLines = List.copyOf(b.subuidLines);
        this.subgidLines = List.copyOf(b.subgidLines);
        this.notes = List.copyOf(b.notes);
    }

    /**
     * An empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this patch's contents.
     *
     * @return a builder for a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.keys.putAll(keys);
        b.devices.putAll(devices);
        b.rawLines.addAll(rawLines);
        b.removeRawLines.addAll(removeRawLines);
        b.subuidLines.addAll(subuidLines);
        b.subgidLines.addAll(subgidLines);
        b.notes.addAll(notes);
        return b;
    }

    /**
     * Proxmox config keys to set, in order, e.g. {@code dev0 -> /dev/dri/card1,gid=44}; settable
     * through the API ({@code pct set --dev0 ...}, root@pam only) or as {@code key: value} lines.
     *
     * @return an unmodifiable ordered map
     */
    public Map<String, String> keys() {
        return keys;
    }

    /**
     * The {@code devN} entries by index, typed; the same entries appear as strings in {@link #keys()}.
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<Integer, DeviceEntry> devices() {
        return devices;
    }

    /**
     * Raw lines for {@code /etc/pve/lxc/<vmid>.conf}, e.g.
     * {@code lxc.cgroup2.devices.allow: c 226:128 rwm}; they cannot be set through the API and go
     * before the first {@code [section]}.
     *
     * @return an unmodifiable list
     */
    public List<String> rawLines() {
        return rawLines;
    }

    /**
     * Raw lines to remove before adding {@link #rawLines()}, e.g. an existing custom idmap that the
     * new one replaces.
     *
     * @return an unmodifiable list
     */
    public List<String> removeRawLines() {
        return removeRawLines;
    }

    /**
     * Lines that must be present in the host's {@code /etc/subuid}, e.g. {@code root:1000:1}.
     *
     * @return an unmodifiable list
     */
    public List<String> subuidLines() {
        return subuidLines;
    }

    /**
     * Lines that must be present in the host's {@code /etc/subgid}, e.g. {@code root:44:1}.
     *
     * @return an unmodifiable list
     */
    public List<String> subgidLines() {
        return subgidLines;
    }

    /**
     * Remarks for the person applying the patch: skipped nodes, nodes missing on the host, why a
     * choice was made. Not applied anywhere.
     *
     * @return an unmodifiable list
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * The lines this patch puts into the container config: {@code key: value} for each key, then
     * the raw lines.
     *
     * @return an unmodifiable list, e.g. for a dry run
     */
    public List<String> confLines() {
        List<String> out = new ArrayList<>();
        keys.forEach((k, v) -> out.add(k + ": " + v));
        out.addAll(rawLines);
        return List.copyOf(out);
    }

    /**
     * The patch as the lines a person would put into each file on the node: each file introduced by
     * a {@code # <path> (node <node>)} header, removals as {@code # remove: <line>}. Every applier
     * reports these lines, so a printed, planned and applied patch read the same.
     *
     * @param node the node
     * @param vmid the container id
     * @return the lines, empty for an empty patch
     */
    public List<String> fileLines(String node, int vmid) {
        return PatchLines.render(Objects.requireNonNull(node, "node"), vmid, this);
    }

    /**
     * Whether applying it would change nothing.
     *
     * @return true when there are no keys, lines or removals
     */
    public boolean isEmpty() {
        return keys.isEmpty() && rawLines.isEmpty() && removeRawLines.isEmpty() && subuidLines.isEmpty()
                && subgidLines.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NodePatch)) {
            return false;
        }
        NodePatch p = (NodePatch) o;
        return keys.equals(p.keys) && devices.equals(p.devices) && rawLines.equals(p.rawLines)
                && removeRawLines.equals(p.removeRawLines) && subuidLines.equals(p.subuidLines)
                && subgidLines.equals(p.subgidLines) && notes.equals(p.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, devices, rawLines, removeRawLines, subuidLines, subgidLines, notes);
    }

    @Override
    public String toString() {
        return "NodePatch[conf=" + confLines() + ", remove=" + removeRawLines + ", subuid=" + subuidLines
                + ", subgid=" + subgidLines + "]";
    }

    /**
     * Builds a {@link NodePatch}; {@link #build()} checks every key, line and entry and reports
     * all problems at once.
     */
    public static final class Builder {
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final Map<Integer, DeviceEntry> devices = new TreeMap<>();
        private final List<String> rawLines = new ArrayList<>();
        private final List<String> removeRawLines = new ArrayList<>();
        private final List<String> subuidLines = new ArrayList<>();
        private final List<String> subgidLines = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets a plain config key such as {@code unprivileged}; use {@link #device} for {@code devN}.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder putKey(String key, String value) {
            keys.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets {@code dev<index>} to an entry.
         *
         * @param index 0..255
         * @param entry the device entry
         * @return this builder
         */
        public Builder device(int index, DeviceEntry entry) {
            Objects.requireNonNull(entry, "entry");
            devices.put(index, entry);
            keys.put("dev" + index, PatchText.formatDevice(entry));
            return this;
        }

        /**
         * Adds a raw line (once).
         *
         * @param line e.g. {@code lxc.mount.entry: /dev/kfd dev/kfd none bind,optional,create=file}
         * @return this builder
         */
        public Builder addRawLine(String line) {
            addOnce(rawLines, Objects.requireNonNull(line, "line"));
            return this;
        }

        /**
         * Adds a raw line to remove (once).
         *
         * @param line the exact raw line
         * @return this builder
         */
        public Builder removeRawLine(String line) {
            addOnce(removeRawLines, Objects.requireNonNull(line, "line"));
            return this;
        }

        /**
         * Adds a required {@code /etc/subuid} line (once).
         *
         * @param line {@code name:first:count}
         * @return this builder
         */
        public Builder addSubuidLine(String line) {
            addOnce(subuidLines, Objects.requireNonNull(line, "line"));
            return this;
        }

        /**
         * Adds a required {@code /etc/subgid} line (once).
         *
         * @param line {@code name:first:count}
         * @return this builder
         */
        public Builder addSubgidLine(String line) {
            addOnce(subgidLines, Objects.requireNonNull(line, "line"));
            return this;
        }

        /**
         * Adds a remark for the reader.
         *
         * @param note the text
         * @return this builder
         */
        public Builder addNote(String note) {
            notes.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /**
         * Builds the patch.
         *
         * @return the patch
         * @throws InvalidNodePatchException listing every key, line or entry that is malformed or could
         *     break out of its line
         */
        public NodePatch build() {
            List<Violation> v = new ArrayList<>();
            keys.forEach((k, val) -> {
                if (!PatchText.PLAIN_KEY.matcher(k).matches() || k.equals("lock") || k.equals("description")) {
                    v.add(Violation.of("key", k, "must be a plain Proxmox key such as dev0 (not lock or description;"
                            + " raw lxc.* keys go in rawLines)"));
                }
                String p = PatchText.lineProblem(val);
                if (p != null || val.isEmpty()) {
                    v.add(Violation.of(k, val, p != null ? p : "must not be empty"));
                }
            });
            devices.forEach((i, e) -> {
                if (i < 0 || i > 255) {
                    v.add(Violation.of("dev" + i, String.valueOf(i), "index must be 0..255"));
                }
                v.addAll(PatchText.checkDevice("dev" + i, e));
            });
            for (String l : rawLines) {
                checkRaw("rawLines", l, v);
            }
            for (String l : removeRawLines) {
                checkRaw("removeRawLines", l, v);
            }
            for (String l : subuidLines) {
                checkSub("subuidLines", l, v);
            }
            for (String l : subgidLines) {
                checkSub("subgidLines", l, v);
            }
            if (!v.isEmpty()) {
                throw new InvalidNodePatchException(v);
            }
            return new NodePatch(this);
        }

        private static void checkRaw(String field, String l, List<Violation> v) {
            String p = PatchText.lineProblem(l);
            if (p != null) {
                v.add(Violation.of(field, l, p));
            } else if (!PatchText.LXC_LINE.matcher(l).matches()) {
                v.add(Violation.of(field, l, "must be 'lxc.<key>: <value>'"));
            } else if (field.equals("rawLines") && l.startsWith("lxc.idmap")) {
                checkIdmap(field, l, v);
            }
        }

        /** Ids are 32-bit ({@code 2^32-1} is the invalid id); host id 0 is the host's root. */
        private static final long ID_LIMIT = 0xFFFF_FFFFL;

        private static void checkIdmap(String field, String l, List<Violation> v) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "lxc\\.idmap\\s*[:=]\\s*([ug])\\s+(\\d{1,10})\\s+(\\d{1,10})\\s+(\\d{1,10})\\s*").matcher(l);
            if (!m.matches()) {
                v.add(Violation.of(field, l, "must be 'lxc.idmap: <u|g> <container-start> <host-start> <count>'"));
                return;
            }
            long ct = Long.parseLong(m.group(2));
            long host = Long.parseLong(m.group(3));
            long count = Long.parseLong(m.group(4));
            if (count < 1 || ct + count > ID_LIMIT || host + count > ID_LIMIT) {
                v.add(Violation.of(field, l, "ids must be 32-bit: start + count at most " + ID_LIMIT + ", count >= 1"));
            } else if (host == 0) {
                v.add(Violation.of(field, l, "maps the container onto host id 0 (root): an unprivileged container"
                        + " would act as host root; map onto a delegated range such as 100000"));
            }
        }

        private static void checkSub(String field, String l, List<Violation> v) {
            if (!l.matches("[a-z_][a-z0-9_.\\-]*:\\d{1,10}:\\d{1,10}")) {
                v.add(Violation.of(field, l, "must be 'name:first:count'"));
                return;
            }
            String[] f = l.split(":");
            long first = Long.parseLong(f[1]);
            long count = Long.parseLong(f[2]);
            if (count < 1 || first + count > ID_LIMIT) {
                v.add(Violation.of(field, l, "ids must be 32-bit: first + count at most " + ID_LIMIT + ", count >= 1"));
            } else if (first == 0) {
                v.add(Violation.of(field, l, "delegates host id 0 (root); delegate a range such as 100000"));
            }
        }

        private static void addOnce(List<String> list, String s) {
            if (!list.contains(s)) {
                list.add(s);
            }
        }
    }
}
