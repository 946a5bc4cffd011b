package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.List;
import java.util.Map;

/** The storages of one node ({@code /nodes/{node}/storage}). Obtained from {@link Node#storage()}. */
public final class Storages {
    private final ApiExecutor api;
    private final String path;

    Storages(ApiExecutor api, String nodePath) {
        this.api = api;
        this.path = nodePath + "/storage";
    }

    /**
     * Lists all storages of the node.
     *
     * @return the storages
     */
    public List<StorageInfo> list() {
        return Decoders.list(api.data(HttpMethod.GET, path, Map.of()), Wire::storage);
    }

    /**
     * Lists the storages that may hold a content type ({@code GET .../storage?content=...}).
     *
     * @param content e.g. {@code rootdir} (container disks) or {@code vztmpl} (templates)
     * @return the matching storages
     */
    public List<StorageInfo> list(String content) {
        return Decoders.list(api.data(HttpMethod.GET, path, Map.of("content", nonBlank(content, "content"))),
                Wire::storage);
    }

    /**
     * Lists the volumes on a storage ({@code GET .../storage/{storage}/content}).
     *
     * @param storage the storage id
     * @param content a content filter such as {@code vztmpl}, or null for all
     * @return the volumes
     */
    public List<StorageVolume> content(String storage, String content) {
        String p = path + "/" + Paths.seg(Paths.storage(storage)) + "/content";
        Map<String, String> q = content == null ? Map.of() : Map.of("content", nonBlank(content, "content"));
        return Decoders.list(api.data(HttpMethod.GET, p, q), Wire::volume);
    }

    private static String nonBlank(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + ": '" + s + "' must not be blank");
        }
        return s;
    }
}
