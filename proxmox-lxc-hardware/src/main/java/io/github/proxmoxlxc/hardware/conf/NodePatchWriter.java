package io.github.proxmoxlxc.hardware.conf;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.hardware.idmap.InvalidIdMapException;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.hardware.idmap.IdMap;
import io.github.proxmoxlxc.hardware.idmap.SubordinateIds;
import io.github.proxmoxlxc.hardware.internal.FileReplace;
import io.github.proxmoxlxc.hardware.internal.NodeLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link NodePatch} on a Proxmox VE node (or under a test root): edits
 * {@code /etc/pve/lxc/<vmid>.conf} and appends missing lines to {@code /etc/subuid} and
 * {@code /etc/subgid}. Everything is checked before anything is written: a locked config, an
 * invalid resulting idmap, or an idmap whose host ranges would not be delegated fail without a
 * change. The edit runs under PVE's config lock {@code /run/lock/lxc/pve-config-<vmid>.lock} and a
 * lock of its own for {@code /etc/subuid} and {@code /etc/subgid} (both under the root, both held
 * against other threads and processes); files are replaced atomically through an exclusively
 * created temp file, keep their mode and owner, are never followed through a symbolic link, and
 * keep a {@code .bak} copy. Applying the same patch twice changes nothing the second time.
 */
public final class NodePatchWriter {
    /** How long to wait for a node file lock; PVE's lock_config waits 10 s too. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    private final Path root;
    private final String user;

    private NodePatchWriter(Path root, String user) {
        this.root = root;
        this.user = user;
    }

    /**
     * A writer for files under a root directory ({@code /} on the node itself).
     *
     * @param root the directory standing for {@code /}
     * @return the writer, delegating ids to {@code root}
     */
    public static NodePatchWriter at(Path root) {
        return new NodePatchWriter(Objects.requireNonNull(root, "root"), "root");
    }

    /**
     * Applies the patch to one container.
     *
     * @param vmid the container id
     * @param patch the patch
     * @return true when a file changed
     * @throws ConfigLockedException when the config has a {@code lock:}
     * @throws InvalidIdMapException when the resulting idmap is invalid or not delegated
     * @throws ProxmoxException when the config does not exist or a file cannot be written
     */
    @SuppressWarnings("try") // the locks are held, not used, inside the block
    public boolean apply(int vmid, NodePatch patch) {
        Objects.requireNonNull(patch, "patch");
        if (vmid < 100) {
            throw new IllegalArgumentException("vmid=" + vmid + " must be >= 100");
        }
        Path confPath = root.resolve("etc/pve/lxc/" + vmid + ".conf");
        // PVE's own lock for config edits (lock_config: flock on this file, 10 s), then ours for the
        // id files, always in this order; both also exclude other processes, not only threads
        try (NodeLock conf = NodeLock.acquire(root.resolve("run/lock/lxc/pve-config-" + vmid + ".lock"), LOCK_WAIT);
             NodeLock ids = NodeLock.acquire(root.resolve("run/lock/proxmox-lxc-subid.lock"), LOCK_WAIT)) {
            return applyLocked(confPath, patch);
        }
    }

    private boolean applyLocked(Path confPath, NodePatch patch) {
        String confText = FileReplace.read(confPath).orElseThrow(() -> new ProxmoxException(confPath
                + " does not exist: create the container first"));
        LxcConfigFile before = LxcConfigFile.parse(confText);
        if (before.lock().isPresent()) {
            throw new ConfigLockedException(confPath.toString(), before.lock().get());
        }
        LxcConfigFile after = before.apply(patch);
        Path subuidPath = root.resolve("etc/subuid");
        Path subgidPath = root.resolve("etc/subgid");
        String subuidOld = FileReplace.read(subuidPath).orElse("");
        String subgidOld = FileReplace.read(subgidPath).orElse("");
        String subuidNew = appendMissing(subuidOld, patch.subuidLines());
        String subgidNew = appendMissing(subgidOld, patch.subgidLines());
        List<String> idmap = after.values("lxc.idmap");
        if (!idmap.isEmpty()) {
            List<Violation> problems = new ArrayList<>(IdMap.validate(idmap));
            if (problems.isEmpty()) {
                problems.addAll(IdMap.parse(idmap).delegationProblems(SubordinateIds.parse("/etc/subuid", subuidNew),
                        SubordinateIds.parse("/etc/subgid", subgidNew), user));
            }
            if (!problems.isEmpty()) {
                throw new InvalidIdMapException(problems);
            }
        }
        boolean changed = false;
        if (!subuidNew.equals(subuidOld)) {
            FileReplace.replace(subuidPath, subuidNew);
            changed = true;
        }
        if (!subgidNew.equals(subgidOld)) {
            FileReplace.replace(subgidPath, subgidNew);
            changed = true;
        }
        if (!after.equals(before)) {
            after.write(confPath);
            changed = true;
        }
        return changed;
    }

    private static String appendMissing(String text, List<String> lines) {
        List<String> present = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            present.add(l.strip());
        }
        StringBuilder b = new StringBuilder(text);
        for (String l : lines) {
            if (!present.contains(l)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                    b.append('\n');
                }
                b.append(l).append('\n');
                present.add(l);
            }
        }
        return b.toString();
    }
}
