package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The containers of one node ({@code /nodes/{node}/lxc}). Obtained from {@link Node#containers()}. */
public final class Containers {
    private final ApiExecutor api;
    private final String node;
    private final String path;

    Containers(ApiExecutor api, String node, String nodePath) {
        this.api = api;
        this.node = node;
        this.path = nodePath + "/lxc";
    }

    /**
     * Lists the node's containers ({@code GET /nodes/{node}/lxc}).
     *
     * @return the containers
     */
    public List<ContainerSummary> list() {
        return Decoders.list(api.data(HttpMethod.GET, path, Map.of()), Wire::container);
    }

    /**
     * Starts creating a container ({@code POST /nodes/{node}/lxc}).
     *
     * <p>The parameters are sent form-encoded exactly as given (booleans as {@code 0}/{@code 1});
     * they must include {@code vmid} and {@code ostemplate}. The request is sent exactly once, never
     * retried: after a {@link TransportException} the container may or may not exist, so check
     * (e.g. {@link Container#status()}) before trying again. An {@link AlreadyExistsException} means
     * the VMID is taken. Wait for the returned task with {@link Tasks#await(Upid, TaskWait)}.
     *
     * @param params the create parameters, e.g. {@code vmid}, {@code ostemplate}, {@code hostname},
     *        {@code net0}, {@code rootfs}
     * @return the {@code vzcreate} task
     */
    public Upid create(Map<String, String> params) {
        Objects.requireNonNull(params, "params");
        if (!params.containsKey("vmid")) {
            throw new IllegalArgumentException("params: 'vmid' is required to create a container on node " + node);
        }
        return ApiSupport.upid(api.data(HttpMethod.POST, path, params), "POST " + path);
    }
}
