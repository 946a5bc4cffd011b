package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
     * Changes the configuration ({@code PUT .../config}, synchronous), whatever changed meanwhile.
     *
     * @param params options to set, plus {@code delete=key1,key2} to remove options
     */
    public void updateConfig(Map<String, String> params) {
        api.data(HttpMethod.PUT, path + "/config", new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
    }

    /**
     * Changes the configuration ({@code PUT .../config}, synchronous) unless it changed since it
     * was read: Proxmox refuses the update when the digest no longer matches.
     *
     * @param params options to set, plus {@code delete=key1,key2} to remove options
     * @param digest the digest from {@link #config()}
     */
    public void updateConfig(Map<String, String> params, String digest) {
        Map<String, String> p = new LinkedHashMap<>(Objects.requireNonNull(params, "params"));
        p.put("digest", Objects.requireNonNull(digest, "digest"));
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
     * Shuts the container down cleanly ({@code POST .../status/shutdown}), waiting Proxmox's default
     * (60 s) and leaving it running if it does not stop in time.
     *
     * @return the {@code vzshutdown} task
     */
    public Upid shutdown() {
        return shutdown(Optional.empty(), false);
    }

    /**
     * Shuts the container down cleanly, waiting Proxmox's default (60 s).
     *
     * @param forceStop stop the container if it does not shut down in time
     * @return the {@code vzshutdown} task
     */
    public Upid shutdown(boolean forceStop) {
        return shutdown(Optional.empty(), forceStop);
    }

    /**
     * Shuts the container down cleanly, leaving it running if it does not stop in time.
     *
     * @param timeout how long Proxmox waits; sent in whole seconds, rounded up (zero: do not wait)
     * @return the {@code vzshutdown} task
     */
    public Upid shutdown(Duration timeout) {
        return shutdown(Optional.of(Objects.requireNonNull(timeout, "timeout")), false);
    }

    /**
     * Shuts the container down cleanly.
     *
     * @param timeout how long Proxmox waits; sent in whole seconds, rounded up (zero: do not wait)
     * @param forceStop stop the container if it does not shut down in time
     * @return the {@code vzshutdown} task
     */
    public Upid shutdown(Duration timeout, boolean forceStop) {
        return shutdown(Optional.of(Objects.requireNonNull(timeout, "timeout")), forceStop);
    }

    private Upid shutdown(Optional<Duration> timeout, boolean forceStop) {
        Map<String, String> p = new LinkedHashMap<>();
        if (timeout.isPresent()) {
            Duration t = timeout.get();
            if (t.isNegative()) {
                throw new IllegalArgumentException("timeout: " + t + " must not be negative");
            }
            // Proxmox takes whole seconds: round up so that the container gets at least the time asked for
            long seconds = t.toSeconds() + (t.minusSeconds(t.toSeconds()).isZero() ? 0 : 1);
            p.put("timeout", Long.toString(seconds));
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
