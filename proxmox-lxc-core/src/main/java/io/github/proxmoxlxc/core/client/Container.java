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
        return Wire.config(api.data(HttpMethod.GET, path + "/config", Map.of()));
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
     * Clones the container ({@code POST .../clone}). The source holds lock {@code disk} and the copy
     * lock {@code create} while the {@code vzclone} task runs.
     *
     * @param request the new VMID and the kind of clone
     * @return the {@code vzclone} task
     */
    public Upid cloneTo(CloneRequest request) {
        Objects.requireNonNull(request, "request");
        return post("/clone", request.params());
    }

    /**
     * Moves the container to another node ({@code POST .../migrate}); the container holds lock
     * {@code migrate} while the {@code vzmigrate} task runs. Afterwards this handle still names the
     * old node: use {@code pve.node(target).container(vmid)}.
     *
     * @param request the target node, restart mode, target storage
     * @return the {@code vzmigrate} task
     */
    public Upid migrate(MigrateRequest request) {
        Objects.requireNonNull(request, "request");
        return post("/migrate", request.params());
    }

    /**
     * Converts the stopped container into a template ({@code POST .../template}). Proxmox runs a
     * {@code vztemplate} worker but answers without its id, so the call returns at once; read
     * {@link #config()} until {@code template} is {@code 1} to see it done.
     */
    public void convertToTemplate() {
        api.data(HttpMethod.POST, path + "/template", Map.of());
    }

    /**
     * Grows a volume ({@code PUT .../resize}); Proxmox never shrinks one.
     *
     * @param disk {@code rootfs} or {@code mpN}
     * @param size {@code +2G} to add, or {@code 16G} as the new absolute size (K, M, G, T)
     * @return the {@code resize} task
     * @throws IllegalArgumentException if the disk or size is malformed
     */
    public Upid resize(String disk, String size) {
        return resize(disk, size, Optional.empty());
    }

    /**
     * Grows a volume unless the config changed since {@code digest} was read.
     *
     * @param disk {@code rootfs} or {@code mpN}
     * @param size {@code +2G} or {@code 16G}
     * @param digest the config digest from {@link ContainerConfig}, or empty to skip the check
     * @return the {@code resize} task
     */
    public Upid resize(String disk, String size, Optional<String> digest) {
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(size, "size");
        if (!disk.matches("rootfs|mp\\d{1,3}")) {
            throw new IllegalArgumentException("disk: '" + disk + "' must be rootfs or mpN, e.g. mp0");
        }
        if (!size.matches("\\+?\\d+(\\.\\d+)?[KMGT]?")) {
            throw new IllegalArgumentException("size: '" + size + "' must be +N or N with a unit K, M, G or T, "
                    + "e.g. +2G (add) or 16G (absolute; never smaller than now)");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("disk", disk);
        Optional<String> check = digest;
        String wire = size;
        if (size.startsWith("+")) {
            // a PUT may be re-sent after a lost response: "+2G" twice would grow twice, so the
            // increment becomes an absolute size checked against the digest it was computed from
            ContainerConfig conf = config();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|,)size=(\\d+(?:\\.\\d+)?)([KMGT]?)")
                    .matcher(conf.values().getOrDefault(disk, ""));
            if (m.find() && conf.digest() != null && (digest.isEmpty() || digest.get().equals(conf.digest()))) {
                wire = (bytes(m.group(1), m.group(2)) + bytes(size.substring(1).replaceAll("[KMGT]$", ""),
                        size.replaceAll("^.*?([KMGT]?)$", "$1"))) / 1024 + "K";
                check = Optional.of(conf.digest());
            }
        }
        p.put("size", wire);
        check.ifPresent(d -> p.put("digest", d));
        String leaf = path + "/resize";
        return ApiSupport.upid(api.data(HttpMethod.PUT, leaf, p), "PUT " + leaf);
    }

    private static long bytes(String number, String unit) {
        long mult = switch (unit) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            default -> 1L;
        };
        return (long) (Double.parseDouble(number) * mult);
    }

    /**
     * The container's averaged load history ({@code GET .../rrddata}, consolidation {@code AVERAGE}).
     *
     * @param timeframe hour, day, week, month or year
     * @return about 70 points, oldest first
     */
    public List<RrdPoint> rrd(RrdTimeframe timeframe) {
        return rrd(timeframe, "AVERAGE");
    }

    /**
     * The container's peak load history ({@code GET .../rrddata}, consolidation {@code MAX}).
     *
     * @param timeframe hour, day, week, month or year
     * @return about 70 points, oldest first
     */
    public List<RrdPoint> rrdMax(RrdTimeframe timeframe) {
        return rrd(timeframe, "MAX");
    }

    private List<RrdPoint> rrd(RrdTimeframe timeframe, String cf) {
        Objects.requireNonNull(timeframe, "timeframe");
        com.fasterxml.jackson.databind.JsonNode data = api.data(HttpMethod.GET, path + "/rrddata",
                Map.of("timeframe", timeframe.wire(), "cf", cf));
        List<RrdPoint> out = new java.util.ArrayList<>();
        if (data != null && data.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode n : data) {
                out.add(new RrdPoint(java.time.Instant.ofEpochSecond(n.path("time").asLong()), num(n, "cpu"),
                        num(n, "maxcpu"), num(n, "mem"), num(n, "maxmem"), num(n, "disk"), num(n, "maxdisk"),
                        num(n, "netin"), num(n, "netout")));
            }
        }
        out.sort(java.util.Comparator.comparing(RrdPoint::time));
        return List.copyOf(out);
    }

    private static Double num(com.fasterxml.jackson.databind.JsonNode n, String field) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The options in effect and those waiting for a restart ({@code GET .../pending}). A running
     * container takes some changes at once (cores, memory, swap, cpulimit, network, ...) and keeps
     * the others pending until it is stopped or started again.
     *
     * @return every option with its value, pending value and pending deletion
     */
    public List<PendingOption> pending() {
        com.fasterxml.jackson.databind.JsonNode data = api.data(HttpMethod.GET, path + "/pending", Map.of());
        List<PendingOption> out = new java.util.ArrayList<>();
        if (data != null && data.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode n : data) {
                out.add(PendingOption.of(n.path("key").asText(), text(n, "value"), text(n, "pending"),
                        n.path("delete").asInt(0) > 0));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reads the configuration in effect, without pending changes ({@code GET .../config?current=1});
     * {@link #config()} shows pending values as Proxmox does by default.
     *
     * @return the options in effect and the digest
     */
    public ContainerConfig currentConfig() {
        return Wire.config(api.data(HttpMethod.GET, path + "/config", Map.of("current", "1")));
    }

    private static Optional<String> text(com.fasterxml.jackson.databind.JsonNode n, String field) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /**
     * The container's snapshots: take, list, roll back, delete. Making it sends nothing.
     *
     * @return the snapshots resource
     */
    public Snapshots snapshots() {
        return new Snapshots(api, path);
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
