package io.github.proxmoxlxc.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * High availability: containers as HA resources and the HA manager's status. Obtained from
 * {@link Cluster#ha()}. Every call is synchronous (Proxmox writes {@code resources.cfg}; the CRM acts
 * on it within seconds, with no task to wait for).
 */
public final class Ha {
    private final ApiExecutor api;

    Ha(ApiExecutor api) {
        this.api = api;
    }

    /**
     * Adds a container as an HA resource ({@code POST /cluster/ha/resources}).
     *
     * @param resource the container and its options
     * @throws ApiException if it is already a resource ({@code resource ID 'ct:N' already defined})
     *     or the container does not exist
     */
    public void add(HaResource resource) {
        Objects.requireNonNull(resource, "resource");
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("sid", resource.sid());
        p.putAll(resource.params());
        api.data(HttpMethod.POST, "/cluster/ha/resources", p);
    }

    /**
     * Changes the options set in {@code resource} ({@code PUT /cluster/ha/resources/ct:N}); unset ones stay.
     *
     * @param resource the container and the options to change
     */
    public void update(HaResource resource) {
        Objects.requireNonNull(resource, "resource");
        api.data(HttpMethod.PUT, "/cluster/ha/resources/" + Paths.seg(resource.sid()), resource.params());
    }

    /**
     * Removes a container from HA ({@code DELETE /cluster/ha/resources/ct:N}); the container stays.
     *
     * @param vmid the container
     * @throws ApiException if it is not HA managed
     */
    public void remove(int vmid) {
        api.data(HttpMethod.DELETE, "/cluster/ha/resources/" + Paths.seg("ct:" + Paths.vmid(vmid)), Map.of());
    }

    /**
     * The container HA resources ({@code GET /cluster/ha/resources?type=ct}).
     *
     * @return the resources, by sid
     */
    public List<HaResource> resources() {
        JsonNode data = api.data(HttpMethod.GET, "/cluster/ha/resources", Map.of("type", "ct"));
        List<HaResource> out = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (JsonNode n : data) {
                out.add(Wire.haResource(n));
            }
        }
        return List.copyOf(out);
    }

    /**
     * One container's HA resource.
     *
     * @param vmid the container
     * @return the resource, empty when the container is not HA managed
     */
    public Optional<HaResource> resource(int vmid) {
        Paths.vmid(vmid);
        return resources().stream().filter(r -> r.vmid() == vmid).findFirst();
    }

    /**
     * The HA manager's status ({@code GET /cluster/ha/status/current}).
     *
     * @return quorum, master, fencing, one LRM per node, one entry per service
     */
    public List<HaStatusEntry> status() {
        JsonNode data = api.data(HttpMethod.GET, "/cluster/ha/status/current", Map.of());
        List<HaStatusEntry> out = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (JsonNode n : data) {
                out.add(Wire.haStatus(n));
            }
        }
        return List.copyOf(out);
    }
}
