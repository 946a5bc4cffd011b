package io.github.proxmoxlxc.core.client;

/**
 * A cluster node as listed by {@code GET /nodes}.
 *
 * @param node the node name
 * @param status {@code online}, {@code offline} or {@code unknown}
 * @param cpu CPU usage, 0..1
 * @param maxCpu number of CPUs
 * @param mem used memory in bytes
 * @param maxMem total memory in bytes
 * @param disk used root disk in bytes
 * @param maxDisk root disk size in bytes
 * @param uptime uptime in seconds
 * @param sslFingerprint the SHA-256 fingerprint of the node certificate, or null
 */
public record NodeInfo(String node, String status, double cpu, int maxCpu, long mem, long maxMem, long disk,
                       long maxDisk, long uptime, String sslFingerprint) {

    /**
     * Whether the node is online.
     *
     * @return true if status is {@code online}
     */
    public boolean online() {
        return "online".equals(status);
    }
}
