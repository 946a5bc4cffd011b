package io.github.proxmoxlxc.core.client;

import static io.github.proxmoxlxc.core.internal.client.Json.bool;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A container's snapshots ({@code /nodes/{node}/lxc/{vmid}/snapshot}); from {@link Container#snapshots()}.
 *
 * <p>Create, rollback and delete run as tasks (types {@code vzsnapshot}, {@code vzrollback},
 * {@code vzdelsnapshot}) that hold the container's config lock ({@code snapshot}, {@code rollback},
 * {@code snapshot-delete}); Proxmox checks most things inside the task, so a name already used or a
 * storage without snapshots ends in {@link TaskFailedException} when you await the task. Only
 * storages with snapshot support (LVM-thin, ZFS, Ceph RBD, Btrfs) can snapshot a container.
 *
 * <pre>{@code
 * Snapshots snaps = pve.node("pve1").container(101).snapshots();
 * pve.tasks().await(snaps.create("before-upgrade", "apt full-upgrade"), Duration.ofMinutes(2));
 * pve.tasks().await(snaps.rollback("before-upgrade", true), Duration.ofMinutes(5));
 * }</pre>
 */
public final class Snapshots {
    /** pve-configid (maxLength 40): a letter, then at least one letter, digit, '-' or '_'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]{1,39}");

    private final ApiExecutor api;
    private final String path;

    Snapshots(ApiExecutor api, String containerPath) {
        this.api = api;
        this.path = containerPath + "/snapshot";
    }

    /**
     * Checks a snapshot name against Proxmox's {@code pve-snapshot-name} format.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not a valid name or is reserved
     */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("snapshot name: '" + name + "' must start with a letter and contain "
                    + "at least one more letter, digit, '-' or '_' (at most 40 characters), e.g. before-upgrade");
        }
        if (name.equals("current") || name.equals("vzdump")) {
            throw new IllegalArgumentException("snapshot name: '" + name + "' is reserved by Proxmox; choose another");
        }
        return name;
    }

    /**
     * Takes a snapshot without a description; see {@link #create(String, String)}.
     *
     * @param name the snapshot name
     * @return the {@code vzsnapshot} task
     */
    public Upid create(String name) {
        return create(name, "");
    }

    /**
     * Takes a snapshot ({@code POST .../snapshot}); a running container is frozen for the moment
     * its volumes are snapshotted.
     *
     * @param name the snapshot name ({@link #checkName(String)})
     * @param description a comment, may be empty
     * @return the {@code vzsnapshot} task
     */
    public Upid create(String name, String description) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("snapname", checkName(name));
        if (!Objects.requireNonNull(description, "description").isEmpty()) {
            p.put("description", description);
        }
        return ApiSupport.upid(api.data(HttpMethod.POST, path, p), "POST " + path);
    }

    /**
     * Whether every volume of the container is on a storage that can snapshot it ({@code GET
     * .../feature?feature=snapshot}, {@code PVE::LXC::Config->has_feature}); when false, a
     * snapshot task fails with {@code snapshot feature is not available}.
     *
     * @return true when a snapshot can be taken
     */
    public boolean supported() {
        String featurePath = path.substring(0, path.length() - "/snapshot".length()) + "/feature";
        JsonNode data = api.data(HttpMethod.GET, featurePath, Map.of("feature", "snapshot"));
        return data != null && bool(data, "hasFeature");
    }

    /**
     * Lists the snapshots and the {@code current} state as a tree ({@code GET .../snapshot}).
     *
     * @return the tree
     */
    public SnapshotTree list() {
        JsonNode data = api.data(HttpMethod.GET, path, Map.of());
        List<Snapshot> out = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (JsonNode n : data) {
                out.add(Wire.snapshot(n));
            }
        }
        return new SnapshotTree(out);
    }

    /**
     * Rolls the container back to a snapshot ({@code POST .../snapshot/{name}/rollback}); a running
     * container is stopped first. Everything written since the snapshot is lost.
     *
     * @param name the snapshot
     * @param start start the container once rolled back
     * @return the {@code vzrollback} task
     */
    public Upid rollback(String name, boolean start) {
        String p = path + "/" + Paths.seg(checkName(name)) + "/rollback";
        Map<String, String> params = start ? Map.of("start", "1") : Map.of();
        return ApiSupport.upid(api.data(HttpMethod.POST, p, params), "POST " + p);
    }

    /**
     * Deletes a snapshot ({@code DELETE .../snapshot/{name}}); its children are re-parented to its parent.
     *
     * @param name the snapshot
     * @param force remove it from the config even if removing a disk snapshot fails
     * @return the {@code vzdelsnapshot} task
     */
    public Upid delete(String name, boolean force) {
        String p = path + "/" + Paths.seg(checkName(name));
        Map<String, String> params = force ? Map.of("force", "1") : Map.of();
        return ApiSupport.upid(api.data(HttpMethod.DELETE, p, params), "DELETE " + p);
    }

    /**
     * Changes a snapshot's description ({@code PUT .../snapshot/{name}/config}, synchronous).
     *
     * @param name the snapshot
     * @param description the new description
     */
    public void describe(String name, String description) {
        String p = path + "/" + Paths.seg(checkName(name)) + "/config";
        api.data(HttpMethod.PUT, p, Map.of("description", Objects.requireNonNull(description, "description")));
    }

    /**
     * The configuration saved in a snapshot ({@code GET .../snapshot/{name}/config}): the
     * {@code [name]} section of the container's config file.
     *
     * @param name the snapshot
     * @return the options as stored (including {@code snaptime}, {@code parent}, {@code description})
     */
    public Map<String, String> config(String name) {
        String p = path + "/" + Paths.seg(checkName(name)) + "/config";
        JsonNode n = api.data(HttpMethod.GET, p, Map.of());
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null) {
            n.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "Snapshots[" + path + "]";
    }
}
