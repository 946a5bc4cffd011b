package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Cluster-wide calls ({@code /cluster}). Obtained from {@link ProxmoxClient#cluster()}. */
public final class Cluster {
    private final ApiExecutor api;

    Cluster(ApiExecutor api) {
        this.api = api;
    }

    /**
     * Lists all resources: guests, storages, nodes ({@code GET /cluster/resources}).
     *
     * @return the resources
     */
    public List<ClusterResource> resources() {
        return Decoders.list(api.data(HttpMethod.GET, "/cluster/resources", Map.of()), Wire::resource);
    }

    /**
     * Lists the resources of one type ({@code GET /cluster/resources?type=...}).
     *
     * @param type {@code vm} (all guests), {@code storage}, {@code node}, {@code sdn}
     * @return the resources
     */
    public List<ClusterResource> resources(String type) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type: '" + type + "' must be one of vm, storage, node, sdn");
        }
        return Decoders.list(api.data(HttpMethod.GET, "/cluster/resources", Map.of("type", type)),
                Wire::resource);
    }

    /**
     * Finds a guest (container or VM) anywhere in the cluster, e.g. to learn which node owns it or
     * whether a create that failed in transit happened after all.
     *
     * @param vmid the guest id
     * @return the guest's resource entry, or empty if no guest has this id
     */
    public Optional<ClusterResource> guest(int vmid) {
        Paths.vmid(vmid);
        return resources("vm").stream().filter(r -> r.vmid().equals(OptionalInt.of(vmid))).findFirst();
    }

    /**
     * The lowest free VMID ({@code GET /cluster/nextid}). This reserves nothing: create with it and
     * pick again on {@link AlreadyExistsException}.
     *
     * @return a free VMID
     */
    public int nextId() {
        return parseId(api.data(HttpMethod.GET, "/cluster/nextid", Map.of()));
    }

    /**
     * Checks that a VMID is free ({@code GET /cluster/nextid?vmid=...}).
     *
     * @param vmid the id to check
     * @return true if free; false if used (the server's 400 {@code already exists})
     */
    public boolean isFree(int vmid) {
        try {
            api.data(HttpMethod.GET, "/cluster/nextid", Map.of("vmid", Integer.toString(Paths.vmid(vmid))));
            return true;
        } catch (AlreadyExistsException e) {
            return false;
        }
    }

    /**
     * High availability: HA resources and status. Making it sends nothing.
     *
     * @return the HA resource
     */
    public Ha ha() {
        return new Ha(api);
    }

    private static int parseId(com.fasterxml.jackson.databind.JsonNode data) {
        String t = data == null || data.isNull() ? null : data.asText();
        try {
            return Integer.parseInt(t == null ? "" : t.trim());
        } catch (NumberFormatException e) {
            throw new ProxmoxException("GET /cluster/nextid: '" + t + "' is not a VMID", e);
        }
    }
}
