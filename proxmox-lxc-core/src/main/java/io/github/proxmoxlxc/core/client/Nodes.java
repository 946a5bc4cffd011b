package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import java.util.List;
import java.util.Map;

/** The cluster's nodes ({@code /nodes}). Obtained from {@link ProxmoxClient#nodes()}. */
public final class Nodes {
    private final ApiExecutor api;

    Nodes(ApiExecutor api) {
        this.api = api;
    }

    /**
     * Lists the nodes with their load ({@code GET /nodes}).
     *
     * @return the nodes
     */
    public List<NodeInfo> list() {
        return Decoders.list(api.data(HttpMethod.GET, "/nodes", Map.of()), Wire::node);
    }
}
