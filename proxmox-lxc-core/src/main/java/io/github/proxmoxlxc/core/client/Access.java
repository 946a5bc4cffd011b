package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import java.util.Map;

/** Access control ({@code /access}). Obtained from {@link ProxmoxClient#access()}. */
public final class Access {
    private final ApiExecutor api;

    Access(ApiExecutor api) {
        this.api = api;
    }

    /**
     * The effective permissions of the current user or token on every path
     * ({@code GET /access/permissions}). Useful to check privileges before a provisioning run.
     *
     * @return path to privileges
     */
    public Permissions permissions() {
        return Wire.permissions(api.data(HttpMethod.GET, "/access/permissions", Map.of()));
    }

    /**
     * The effective permissions on one path and below ({@code GET /access/permissions?path=...}).
     *
     * @param path an ACL path such as {@code /vms/100} or {@code /storage/local}
     * @return path to privileges
     */
    public Permissions permissions(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path: '" + path + "' must be an ACL path starting with '/'");
        }
        return Wire.permissions(api.data(HttpMethod.GET, "/access/permissions", Map.of("path", path)));
    }
}
