package io.github.proxmoxlxc.hardware.passthrough;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import io.github.proxmoxlxc.hardware.gpu.HostGroups;
import io.github.proxmoxlxc.hardware.gpu.NodeKind;
import io.github.proxmoxlxc.hardware.idmap.IdKind;
import io.github.proxmoxlxc.hardware.idmap.IdMap;
import io.github.proxmoxlxc.hardware.idmap.IdRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Emits raw {@code lxc.cgroup2.devices.allow} and {@code lxc.mount.entry} lines and, for
 * unprivileged containers, the idmap that maps the host groups owning the nodes.
 */
final class LegacyLines {
    /**
     * Kinds allowed by major: USB serial adapters get a new minor when re-plugged (the by-id link
     * then points elsewhere). Every other node, NVIDIA's included, is allowed by its own minor: a
     * rule {@code c 195:* rwm} would open every GPU on the host to a container given one
     * ({@code /dev/nvidiaN} is the GPU's "Device Minor", {@code nvidiactl} 195:255,
     * {@code nvidia-modeset} 195:254, {@code nvidia-uvm}/{@code -tools} the uvm major's minors 0/1,
     * capabilities their {@code DeviceFileMinor}).
     */
    private static final Set<NodeKind> BY_MAJOR = Set.of(NodeKind.SERIAL);

    private LegacyLines() {
    }

    static void emit(List<DeviceNode> nodes, boolean serialById, TargetContainer target, HostGroups host, String user,
            NodePatch.Builder patch, List<Violation> problems) {
        Set<String> allow = new LinkedHashSet<>();
        List<String> mounts = new ArrayList<>();
        // container group -> host group to map, for an unprivileged container
        Map<String, Boolean> groups = new LinkedHashMap<>();
        for (DeviceNode n : nodes) {
            allow.add("lxc.cgroup2.devices.allow: c " + n.major() + ":" + (BY_MAJOR.contains(n.kind()) ? "*"
                    : String.valueOf(n.minor())) + " rwm");
            mounts.add("lxc.mount.entry: " + n.path() + " " + n.relativePath() + " none bind,optional,create=file");
            if (!n.present()) {
                patch.addNote(n.path() + " is missing on the host now; its optional mount is skipped until it exists");
            }
            switch (n.kind()) {
                case DRM_CARD:
                    groups.put("video", true);
                    break;
                case DRM_RENDER:
                case KFD:
                    groups.put("render", true);
                    break;
                case SERIAL:
                    groups.put("dialout", true);
                    break;
                case CORAL:
                    if (!target.privileged()) {
                        patch.addNote(n.path() + " keeps its host owner: an unprivileged container can use it only if"
                                + " its host mode allows others");
                    }
                    break;
                default:
                    break; // NVIDIA and TUN nodes are 0666 root:root on the host: no group mapping needed
            }
        }
        if (serialById) {
            mounts.add("lxc.mount.entry: /dev/serial/by-id dev/serial/by-id none bind,optional,create=dir");
        }
        allow.forEach(patch::addRawLine);
        mounts.forEach(patch::addRawLine);
        if (groups.isEmpty()) {
            return;
        }
        if (target.privileged()) {
            privilegedNotes(groups.keySet(), target, host, patch);
            return;
        }
        idmap(groups.keySet(), target, host, user, patch, problems);
    }

    /** A privileged container sees the host's numeric gid, which may name another group inside. */
    private static void privilegedNotes(Set<String> groups, TargetContainer target, HostGroups host,
            NodePatch.Builder patch) {
        for (String g : groups) {
            OptionalInt c = target.gid(g).gid();
            OptionalInt h = host.gid(g);
            if (c.isPresent() && h.isPresent() && c.getAsInt() != h.getAsInt()) {
                patch.addNote("the " + g + " nodes keep host gid " + h.getAsInt() + ", but the container's " + g
                        + " gid is " + c.getAsInt() + ": chgrp them inside the container or use devN entries");
            }
        }
    }

    private static void idmap(Set<String> groups, TargetContainer target, HostGroups host, String user,
            NodePatch.Builder patch, List<Violation> problems) {
        List<String> existing = target.existingConfig().map(c -> c.values("lxc.idmap")).orElse(List.of());
        IdMap.Builder map = IdMap.builder();
        if (!existing.isEmpty()) {
            try {
                map.base(IdMap.parse(existing));
            } catch (InvalidValuesException e) {
                problems.addAll(e.violations());
                return;
            }
        }
        DevEntries.Gids ct = new DevEntries.Gids(target, problems, patch);
        List<Long> hostIds = new ArrayList<>();
        for (String g : groups) {
            OptionalInt c = ct.get(g);
            OptionalInt h = host.gid(g);
            if (h.isEmpty()) {
                problems.add(Violation.of("host." + g + "Gid", "", "the host's /etc/group has no " + g + " group, so"
                        + " its nodes cannot be mapped into an unprivileged container; use devN entries instead"));
            }
            if (c.isEmpty() || h.isEmpty()) {
                continue;
            }
            try {
                map.punchGid(c.getAsInt(), h.getAsInt());
                hostIds.add((long) h.getAsInt());
            } catch (IllegalArgumentException e) {
                problems.add(Violation.of("lxc.idmap", g, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        IdMap built;
        try {
            built = map.build();
        } catch (InvalidValuesException e) {
            problems.addAll(e.violations());
            return;
        }
        List<String> lines = built.configLines();
        for (String old : existing) {
            String line = "lxc.idmap: " + old.strip();
            if (!lines.contains(line)) {
                patch.removeRawLine(line);
            }
        }
        lines.forEach(patch::addRawLine);
        for (IdRange r : built.ranges(IdKind.GID)) {
            if (r.count() == 1 && hostIds.contains(r.hostStart())) {
                patch.addSubgidLine(user + ":" + r.hostStart() + ":1");
            }
        }
    }
}
