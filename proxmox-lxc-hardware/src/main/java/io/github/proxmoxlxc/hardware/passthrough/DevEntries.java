package io.github.proxmoxlxc.hardware.passthrough;

import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.hardware.gpu.DeviceNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/** Emits {@code devN} entries: one per node that exists, numbered from the first free index. */
final class DevEntries {
    /** pve-container allows dev0..dev255. */
    private static final int MAX_DEVICES = 256;
    /** NVIDIA nodes and /dev/net/tun are 0666 on the host; keep that instead of PVE's 0660. */
    private static final String WORLD_RW = "0666";
    /** Capability nodes only need read access; used when /proc does not state the host mode. */
    private static final String CAP_MODE = "0444";

    private DevEntries() {
    }

    static void emit(List<DeviceNode> nodes, TargetContainer target, NodePatch.Builder patch, List<Violation> problems) {
        Map<Integer, String> existing = target.existingConfig().map(c -> c.devices()).orElse(new TreeMap<>());
        Set<String> existingPaths = new HashSet<>();
        existing.values().forEach(v -> existingPaths.add(pathOf(v)));
        Gids gids = new Gids(target, problems, patch);
        int next = 0;
        for (DeviceNode n : nodes) {
            if (!n.present()) {
                patch.addNote(n.path() + " not passed: missing on the host (a devN entry for a missing node stops"
                        + " the container from starting)");
                continue;
            }
            if (existingPaths.contains(n.path())) {
                patch.addNote(n.path() + " already passed by the existing config");
                continue;
            }
            DeviceEntry.Builder e = DeviceEntry.builder().path(n.path());
            switch (n.kind()) {
                case DRM_CARD:
                    gids.get("video").ifPresent(e::gid);
                    break;
                case DRM_RENDER:
                case KFD:
                    gids.get("render").ifPresent(e::gid);
                    break;
                case SERIAL:
                    gids.get("dialout").ifPresent(e::gid);
                    break;
                case NVIDIA_GPU:
                case NVIDIA_CONTROL:
                case NVIDIA_UVM:
                case TUN:
                    e.mode(WORLD_RW);
                    break;
                case NVIDIA_CAP:
                    e.mode(n.hostMode().orElse(CAP_MODE));
                    break;
                default:
                    break; // Coral: root-owned 0660 inside the container, as on the host
            }
            while (existing.containsKey(next)) {
                next++;
            }
            if (next >= MAX_DEVICES) {
                problems.add(Violation.of("dev", n.path(), "no free devN index: Proxmox allows dev0..dev255"));
                return;
            }
            patch.device(next++, e.build());
        }
    }

    /** The path of a devN property string: the default key comes first, or {@code path=}. */
    static String pathOf(String value) {
        for (String part : value.split(",")) {
            if (part.startsWith("path=")) {
                return part.substring(5);
            }
            if (!part.contains("=")) {
                return part;
            }
        }
        return value;
    }

    /** Resolves each container gid once, recording one violation per unknown group. */
    static final class Gids {
        private final TargetContainer target;
        private final List<Violation> problems;
        private final NodePatch.Builder patch;
        private final Map<String, OptionalInt> seen = new TreeMap<>();

        Gids(TargetContainer target, List<Violation> problems, NodePatch.Builder patch) {
            this.target = target;
            this.problems = problems;
            this.patch = patch;
        }

        OptionalInt get(String group) {
            return seen.computeIfAbsent(group, g -> {
                TargetContainer.Resolved r = target.gid(g);
                if (r.gid().isEmpty()) {
                    problems.add(Violation.of("target." + g + "Gid", "", "the container's " + g + " gid is needed and"
                            + " unknown: set " + g + "Gid(..), give the container's /etc/group, or a known template"
                            + " (debian-11/12/13, ubuntu-22.04/24.04/26.04, alpine)"));
                } else if (r.source().startsWith("known default")) {
                    patch.addNote("container " + g + " gid " + r.gid().getAsInt() + ": " + r.source());
                }
                return r.gid();
            });
        }
    }
}
