package io.github.proxmoxlxc.core.client;

/**
 * One entry of {@code GET /cluster/resources}: a guest, storage, node, pool or SDN zone.
 * Fields that do not apply to the entry's type are null, 0 or false.
 *
 * @param id the resource id, e.g. {@code lxc/100}, {@code storage/pve1/local}, {@code node/pve1}
 * @param type {@code lxc}, {@code qemu}, {@code storage}, {@code node}, {@code pool}, {@code sdn}, ...
 * @param node the node the resource is on, or null
 * @param vmid the guest id, or null for non-guests
 * @param name the guest name, or null
 * @param status the status, e.g. {@code running}, {@code stopped}, {@code available}, {@code online}
 * @param storage the storage id, or null
 * @param lock the guest's config lock, or null
 * @param template whether the guest is a template
 * @param pool the pool, or null
 * @param tags the guest tags as sent ({@code ;}-separated), or null
 * @param cpu CPU usage, 0..1
 * @param maxCpu number of CPUs
 * @param mem used memory in bytes
 * @param maxMem memory limit in bytes
 * @param disk used disk in bytes
 * @param maxDisk disk size in bytes
 * @param uptime uptime in seconds
 * @param content a storage's content types ({@code ,}-separated), or null
 * @param pluginType a storage's type, e.g. {@code dir}, {@code lvmthin}, or null
 * @param shared whether a storage is shared
 */
public record ClusterResource(String id, String type, String node, Integer vmid, String name, String status,
                              String storage, String lock, boolean template, String pool, String tags, double cpu,
                              int maxCpu, long mem, long maxMem, long disk, long maxDisk, long uptime,
                              String content, String pluginType, boolean shared) {
}
