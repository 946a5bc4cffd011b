package io.github.proxmoxlxc.core.client;

/**
 * A container's current status ({@code GET /nodes/{node}/lxc/{vmid}/status/current}).
 *
 * @param vmid the container id
 * @param name the host name, or null
 * @param status {@code running} or {@code stopped}
 * @param lock the config lock (e.g. {@code create}, {@code backup}), or null
 * @param uptime uptime in seconds
 * @param cpu CPU usage, 0..1
 * @param cpus the CPU limit
 * @param mem used memory in bytes
 * @param maxMem memory limit in bytes
 * @param disk used root disk in bytes
 * @param maxDisk root disk size in bytes
 * @param netIn bytes received
 * @param netOut bytes sent
 * @param pid the init process id on the host, or null when stopped
 * @param haState the HA state, or null when not HA-managed
 */
public record ContainerStatus(int vmid, String name, String status, String lock, long uptime, double cpu, double cpus,
                              long mem, long maxMem, long disk, long maxDisk, long netIn, long netOut, Integer pid,
                              String haState) {

    /**
     * Whether the container is running.
     *
     * @return true if status is {@code running}
     */
    public boolean running() {
        return "running".equals(status);
    }
}
