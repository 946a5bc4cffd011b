package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One container ({@code /nodes/{node}/lxc/{vmid}}): config, status, lifecycle and destroy.
 * Obtained from {@link Node#container(int)}; making it sends nothing.
 *
 * <p>Lifecycle calls return the task's {@link Upid}; wait for it with {@link Tasks#await(Upid, TaskWait)}.
 * They are POSTs and never re-sent by the client; destroy (a DELETE) and config updates (a PUT) are
 * retried on transient failures.
 */
public final class Container {
    private final ApiExecutor api;
    private final String node;
    private final int vmid;
    private final String path;

    Container(ApiExecutor api, String node, String nodePath, int vmid) {
        this.api = api;
        this.node = node;
        this.vmid = vmid;
        this.path = nodePath + "/lxc/" + vmid;
    }

    /**
     * The container id.
     *
     * @return the VMID
     */
    public int vmid() {
        return vmid;
    }

    /**
     * The node addressed.
     *
     * @return the node name
     */
    public String node() {
        return node;
    }

    /**
     * Reads the configuration ({@code GET .../config}).
     *
     * @return the options, digest and raw {@code lxc.*} lines
     */
    public ContainerConfig config() {
        return Decoders.config(api.data(HttpMethod.GET, path + "/config", Map.of()));
    }

    /**
     * Changes the configuration ({@code PUT .../config}, synchronous).
     *
     * @param params options to set, plus {@code delete=key1,key2} to remove options
     * @param digest the digest from {@link #config()} to refuse the change if the config changed
     *        meanwhile, or null to skip the check
     */
    public void updateConfig(Map<String, String> params, String digest) {
        Map<String, String> p = new LinkedHashMap<>(Objects.requireNonNull(params, "params"));
        if (digest != null) {
            p.put("digest", digest);
        }
        api.data(HttpMethod.PUT, path + "/config", p);
    }

    /**
     * Reads the current status ({@code GET .../status/current}).
     *
     * @return status, lock, resource use
     */
    public ContainerStatus status() {
        return Wire.containerStatus(api.data(HttpMethod.GET, path + "/status/current", Map.of()));
    }

    /**
     * Starts the container ({@code POST .../status/start}).
     *
     * @return the {@code vzstart} task
     */
    public Upid start() {
        return post("/status/start", Map.of());
    }

    /**
     * Stops the container at once, like pulling the plug ({@code POST .../status/stop}).
     *
     * @return the {@code vzstop} task
     */
    public Upid stop() {
        return post("/status/stop", Map.of());
    }

    /**
     * Shuts the container down cleanly ({@code POST .../status/shutdown}).
     *
     * @param timeout how long Proxmox waits for the shutdown, whole seconds; null for its default (60 s)
     * @param forceStop stop the container if it does not shut down in time
     * @return the {@code vzshutdown} task
     */
    public Upid shutdown(Duration timeout, boolean forceStop) {
        Map<String, String> p = new LinkedHashMap<>();
        if (timeout != null) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("timeout: " + timeout + " must not be negative");
            }
            p.put("timeout", Long.toString(timeout.toSeconds()));
        }
        if (forceStop) {
            p.put("forceStop", "1");
        }
        return post("/status/shutdown", p);
    }

    /**
     * Reboots the container ({@code POST .../status/reboot}).
     *
     * @return the {@code vzreboot} task
     */
    public Upid reboot() {
        return post("/status/reboot", Map.of());
    }

    /**
     * Destroys the container ({@code DELETE /nodes/{node}/lxc/{vmid}}).
     *
     * @param options purge, unreferenced disks, force
     * @return the {@code vzdestroy} task
     */
    public Upid destroy(DestroyOptions options) {
        Objects.requireNonNull(options, "options");
        Map<String, String> p = new LinkedHashMap<>();
        if (options.purge()) {
            p.put("purge", "1");
        }
        if (options.destroyUnreferencedDisks()) {
            p.put("destroy-unreferenced-disks", "1");
        }
        if (options.force()) {
            p.put("force", "1");
        }
        return ApiSupport.upid(api.data(HttpMethod.DELETE, path, p), "DELETE " + path);
    }

    /**
     * The network interfaces seen inside the running container ({@code GET .../interfaces}).
     *
     * @return the interfaces with their addresses
     */
    public List<ContainerInterface> interfaces() {
        return Decoders.list(api.data(HttpMethod.GET, path + "/interfaces", Map.of()), Wire::iface);
    }

    private Upid post(String leaf, Map<String, String> params) {
        return ApiSupport.upid(api.data(HttpMethod.POST, path + leaf, params), "POST " + path + leaf);
    }

    @Override
    public String toString() {
        return "Container[" + node + "/" + vmid + "]";
    }
}
