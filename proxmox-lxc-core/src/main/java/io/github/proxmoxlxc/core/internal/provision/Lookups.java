package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.Appliance;
import io.github.proxmoxlxc.core.client.ClusterResource;
import io.github.proxmoxlxc.core.client.NodeInfo;
import io.github.proxmoxlxc.core.client.Permissions;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.PveVersion;
import io.github.proxmoxlxc.core.client.StorageInfo;
import io.github.proxmoxlxc.core.client.StorageVolume;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Cached reads of the cluster: nodes, storages, template listings, used VMIDs, version, permissions. */
final class Lookups {
    private final ProxmoxClient client;
    private final TtlCache cache;

    Lookups(ProxmoxClient client, Duration ttl) {
        this.client = client;
        this.cache = new TtlCache(ttl, System::nanoTime);
    }

    ProxmoxClient client() {
        return client;
    }

    TtlCache cache() {
        return cache;
    }

    PveVersion version() {
        return cache.get("version", client::version);
    }

    Permissions permissions() {
        return cache.get("permissions", () -> client.access().permissions());
    }

    List<NodeInfo> nodes() {
        return cache.get("nodes", () -> client.nodes().list());
    }

    List<StorageInfo> storages(String node) {
        return cache.get("storage:" + node, () -> client.node(node).storage().list());
    }

    List<String> templates(String node, String storage) {
        return cache.get("content:" + node + ":" + storage, () -> client.node(node).storage()
                .content(storage, "vztmpl").stream().map(StorageVolume::volid)
                .map(v -> v.substring(v.indexOf('/') + 1)).collect(Collectors.toList()));
    }

    List<Appliance> aplinfo(String node) {
        return cache.get("aplinfo:" + node, () -> client.node(node).appliances().list());
    }

    Set<Integer> usedVmids() {
        return cache.get("vmids", () -> {
            Set<Integer> ids = new HashSet<>();
            for (ClusterResource r : client.cluster().resources("vm")) {
                r.vmid().ifPresent(ids::add);
            }
            return Set.copyOf(ids);
        });
    }

    /** Forgets node state and storage listings (after a failed placement). */
    void refreshPlacement() {
        cache.invalidate("nodes");
        cache.invalidate("storage:");
    }

    void refreshTemplates(String node, String storage) {
        cache.invalidate("content:" + node + ":" + storage);
    }
}
