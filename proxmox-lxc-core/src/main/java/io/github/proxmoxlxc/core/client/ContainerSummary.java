package io.github.proxmoxlxc.core.client;

/**
 * A container as listed by {@code GET /nodes/{node}/lxc}.
 *
 * @param vmid the container id
 * @param name the host name, or null
 * @param status {@code running} or {@code stopped}
 * @param lock the config lock, or null
 * @param template whether it is a template
 * @param tags the tags ({@code ;}-separated), or null
 * @param cpus the CPU limit
 * @param cpu CPU usage, 0..1
 * @param mem used memory in bytes
 * @param maxMem memory limit in bytes
 * @param disk used root disk in bytes
 * @param maxDisk root disk size in bytes
 * @param uptime uptime in seconds
 */
public record ContainerSummary(int vmid, String name, String status, String lock, boolean template, String tags,
                               double cpus, double cpu, long mem, long maxMem, long disk, long maxDisk, long uptime) {

    /**
     * Whether the container is running.
     *
     * @return true if status is {@code running}
     */
    public boolean running() {
        return "running".equals(status);
    }
}
