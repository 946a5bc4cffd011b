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
     * Lists all volumes on a storage ({@code GET .../storage/{storage}/content}).
     *
     * @param storage the storage id
     * @return the volumes
     */
    public List<StorageVolume> content(String storage) {
        return content(storage, Map.of());
    }

    /**
     * Lists the volumes of one content type on a storage ({@code GET .../storage/{storage}/content}).
     *
     * @param storage the storage id
     * @param content a content type such as {@code vztmpl}
     * @return the volumes
     */
    public List<StorageVolume> content(String storage, String content) {
        return content(storage, Map.of("content", nonBlank(content, "content")));
    }

    private List<StorageVolume> content(String storage, Map<String, String> query) {
        String p = path + "/" + Paths.seg(Paths.storage(storage)) + "/content";
        return Decoders.list(api.data(HttpMethod.GET, p, query), Wire::volume);
    }

    private static String nonBlank(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + ": '" + s + "' must not be blank");
        }
        return s;
    }
}
