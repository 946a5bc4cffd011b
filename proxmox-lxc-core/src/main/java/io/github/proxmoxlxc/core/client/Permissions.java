package io.github.proxmoxlxc.core.client;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The effective permissions of the authenticated user or token ({@code GET /access/permissions}):
 * for each ACL path, the privileges granted there.
 *
 * <p>Built by the client (no public constructor).
 */
public final class Permissions {
    private final Map<String, Set<String>> byPath;

    Permissions(Map<String, Set<String>> byPath) {
        this.byPath = byPath.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /**
     * {@return ACL path (e.g. {@code /vms/100}, {@code /storage/local}) to granted privileges}
     */
    public Map<String, Set<String>> byPath() {
        return byPath;
    }

    /**
     * Whether a privilege is granted on exactly this path (as Proxmox listed it, with propagation
     * already applied by the server).
     *
     * @param path an ACL path
     * @param privilege a privilege, e.g. {@code VM.Allocate}
     * @return true if granted
     */
    public boolean has(String path, String privilege) {
        Objects.requireNonNull(privilege, "privilege");
        return byPath.getOrDefault(Objects.requireNonNull(path, "path"), Set.of()).contains(privilege);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || other instanceof Permissions && byPath.equals(((Permissions) other).byPath);
    }

    @Override
    public int hashCode() {
        return byPath.hashCode();
    }

    @Override
    public String toString() {
        return "Permissions[byPath=" + byPath + "]";
    }
}
