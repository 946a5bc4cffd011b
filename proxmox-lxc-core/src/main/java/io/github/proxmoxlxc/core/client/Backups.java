package io.github.proxmoxlxc.core.client;

import static io.github.proxmoxlxc.core.internal.client.Json.bool;
import static io.github.proxmoxlxc.core.internal.client.Json.intOrNull;
import static io.github.proxmoxlxc.core.internal.client.Json.lng;
import static io.github.proxmoxlxc.core.internal.client.Json.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Backups of one node's containers: vzdump, list, remove, prune and restore. From {@link Node#backups()}.
 *
 * <p>A backup holds each container's {@code backup} lock while its {@code vzdump} task runs; a
 * restore holds {@code create} on the target VMID during its {@code vzrestore} task. Await the
 * returned task with {@link Tasks#await(Upid, TaskWait)}; a log listener there sees the progress lines.
 *
 * <pre>{@code
 * Backups backups = pve.node("pve1").backups();
 * pve.tasks().await(backups.backup(BackupRequest.builder().addVmid(101).storage("local").build()), Duration.ofHours(1));
 * BackupVolume newest = backups.list("local", 101).get(0);
 * pve.tasks().await(backups.prune("local", Retention.builder().keepLast(3).keepDaily(7).build(), 101), Duration.ofMinutes(5));
 * }</pre>
 */
public final class Backups {
    private final ApiExecutor api;
    private final String node;
    private final String nodePath;

    Backups(ApiExecutor api, String node, String nodePath) {
        this.api = api;
        this.node = node;
        this.nodePath = nodePath;
    }

    /**
     * Starts a backup job ({@code POST /nodes/{node}/vzdump}). A job whose guest fails ends with
     * {@code job errors}; the archives of the guests that succeeded stay.
     *
     * @param request what to back up and how
     * @return the {@code vzdump} task
     * @throws NotFoundException if none of the listed containers is on this node (Proxmox answers
     *         {@code OK} without starting a task then)
     */
    public Upid backup(BackupRequest request) {
        Objects.requireNonNull(request, "request");
        String p = nodePath + "/vzdump";
        JsonNode data = api.data(HttpMethod.POST, p, request.params());
        if (data != null && "OK".equals(data.asText())) {
            throw new NotFoundException(new ApiError("POST", p, 200, "OK", "none of the guests " + request.vmids()
                    + " is on node '" + node + "': back them up on their own node", Map.of()));
        }
        return ApiSupport.upid(data, "POST " + p);
    }

    /**
     * The backups on a storage, newest first.
     *
     * @param storage the storage id
     * @return the backups
     */
    public List<BackupVolume> list(String storage) {
        return list(storage, Map.of("content", "backup"));
    }

    /**
     * One container's backups on a storage, newest first.
     *
     * @param storage the storage id
     * @param vmid the container
     * @return the backups
     */
    public List<BackupVolume> list(String storage, int vmid) {
        return list(storage, Map.of("content", "backup", "vmid", Integer.toString(Paths.vmid(vmid))));
    }

    private List<BackupVolume> list(String storage, Map<String, String> q) {
        JsonNode data = api.data(HttpMethod.GET, storagePath(storage) + "/content", q);
        List<BackupVolume> out = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (JsonNode n : data) {
                if ("backup".equals(str(n, "content"))) {
                    out.add(new BackupVolume(str(n, "volid"), intOrNull(n, "vmid"), lng(n, "ctime"), lng(n, "size"),
                            str(n, "format"), str(n, "notes"), bool(n, "protected")));
                }
            }
        }
        out.sort(Comparator.comparing(BackupVolume::createdAt).reversed().thenComparing(BackupVolume::volid));
        return List.copyOf(out);
    }

    /**
     * Removes a backup ({@code DELETE .../storage/{storage}/content/{volume}}); a protected backup
     * fails the task with Proxmox's {@code cannot remove protected volume}.
     *
     * @param volid the backup's volume id
     * @return the {@code imgdel} task
     */
    public Upid remove(String volid) {
        Objects.requireNonNull(volid, "volid");
        int colon = volid.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("volid: '" + volid + "' must be storage:volume, e.g. "
                    + "local:backup/vzdump-lxc-101-2026_12_07-01_00_00.tar.zst");
        }
        String p = storagePath(volid.substring(0, colon)) + "/content/" + Paths.seg(volid);
        return ApiSupport.upid(api.data(HttpMethod.DELETE, p, Map.of()), "DELETE " + p);
    }

    /**
     * What a prune would do, without removing anything ({@code GET .../prunebackups}).
     *
     * @param storage the storage id
     * @param retention the policy
     * @return every backup on the storage with its mark
     */
    public List<PruneEntry> prunePreview(String storage, Retention retention) {
        return prunePreview(storage, retention, Map.of());
    }

    /**
     * What a prune of one container's backups would do ({@code GET .../prunebackups?vmid=}).
     *
     * @param storage the storage id
     * @param retention the policy
     * @param vmid the container
     * @return its backups with their marks
     */
    public List<PruneEntry> prunePreview(String storage, Retention retention, int vmid) {
        return prunePreview(storage, retention, Map.of("vmid", Integer.toString(Paths.vmid(vmid))));
    }

    private List<PruneEntry> prunePreview(String storage, Retention retention, Map<String, String> extra) {
        Map<String, String> q = new LinkedHashMap<>(extra);
        q.put("prune-backups", Objects.requireNonNull(retention, "retention").wire());
        q.put("type", "lxc");
        JsonNode data = api.data(HttpMethod.GET, storagePath(storage) + "/prunebackups", q);
        List<PruneEntry> out = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (JsonNode n : data) {
                String mark = str(n, "mark");
                PruneEntry.Mark m;
                try {
                    m = PruneEntry.Mark.valueOf(mark == null ? "" : mark.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new ProxmoxException("GET prunebackups: unknown mark '" + mark + "' for " + str(n, "volid"));
                }
                out.add(new PruneEntry(str(n, "volid"), intOrNull(n, "vmid"), lng(n, "ctime"), m));
            }
        }
        out.sort(Comparator.comparing(PruneEntry::createdAt).reversed().thenComparing(PruneEntry::volid));
        return List.copyOf(out);
    }

    /**
     * Prunes every container backup on a storage ({@code DELETE .../prunebackups}).
     *
     * @param storage the storage id
     * @param retention the policy
     * @return the {@code prunebackups} task
     */
    public Upid prune(String storage, Retention retention) {
        return prune(storage, retention, Map.of());
    }

    /**
     * Prunes one container's backups on a storage.
     *
     * @param storage the storage id
     * @param retention the policy
     * @param vmid the container
     * @return the {@code prunebackups} task
     */
    public Upid prune(String storage, Retention retention, int vmid) {
        return prune(storage, retention, Map.of("vmid", Integer.toString(Paths.vmid(vmid))));
    }

    private Upid prune(String storage, Retention retention, Map<String, String> extra) {
        Map<String, String> q = new LinkedHashMap<>(extra);
        q.put("prune-backups", Objects.requireNonNull(retention, "retention").wire());
        q.put("type", "lxc");
        String p = storagePath(storage) + "/prunebackups";
        return ApiSupport.upid(api.data(HttpMethod.DELETE, p, q), "DELETE " + p);
    }

    /**
     * Restores an archive into a new container or over an existing one (see {@link RestoreRequest}).
     *
     * @param request the restore
     * @return the {@code vzrestore} task
     */
    public Upid restore(RestoreRequest request) {
        Objects.requireNonNull(request, "request");
        String p = nodePath + "/lxc";
        return ApiSupport.upid(api.data(HttpMethod.POST, p, request.params()), "POST " + p);
    }

    private String storagePath(String storage) {
        return nodePath + "/storage/" + Paths.seg(Paths.storage(storage));
    }

    @Override
    public String toString() {
        return "Backups[" + node + "]";
    }
}
