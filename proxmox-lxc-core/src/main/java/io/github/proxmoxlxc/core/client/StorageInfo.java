package io.github.proxmoxlxc.core.client;

import java.util.Set;

/**
 * A storage as seen from one node ({@code GET /nodes/{node}/storage}).
 *
 * @param storage the storage id
 * @param type the storage type, e.g. {@code dir}, {@code lvmthin}, {@code zfspool}
 * @param content what it may hold, e.g. {@code rootdir}, {@code vztmpl}, {@code images}
 * @param active whether it is active on the node
 * @param enabled whether it is enabled
 * @param shared whether it is shared between nodes
 * @param total size in bytes
 * @param used used bytes
 * @param available available bytes
 */
public record StorageInfo(String storage, String type, Set<String> content, boolean active, boolean enabled,
                          boolean shared, long total, long used, long available) {

    /**
     * Copies the content set.
     *
     * @param storage the storage id
     * @param type the storage type, e.g. {@code dir}, {@code lvmthin}, {@code zfspool}
     * @param content what it may hold, e.g. {@code rootdir}, {@code vztmpl}, {@code images}
     * @param active whether it is active on the node
     * @param enabled whether it is enabled
     * @param shared whether it is shared between nodes
     * @param total size in bytes
     * @param used used bytes
     * @param available available bytes
     */
    public StorageInfo {
        content = Set.copyOf(content);
    }
}
