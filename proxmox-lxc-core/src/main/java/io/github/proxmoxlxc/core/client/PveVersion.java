package io.github.proxmoxlxc.core.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The API server version ({@code GET /version}).
 *
 * <p>Built by the client (no public constructor): fields Proxmox adds become new accessors
 * without breaking callers.
 */
public final class PveVersion {
    private final String version;
    private final String release;
    private final String repoId;

    PveVersion(String version, String release, String repoId) {
        this.version = Objects.requireNonNull(version, "version");
        this.release = Objects.requireNonNull(release, "release");
        this.repoId = Objects.requireNonNull(repoId, "repoId");
    }

    /**
     * {@return the pve-manager version, e.g. {@code 9.1.2}; empty if not sent}
     */
    public String version() {
        return version;
    }

    /**
     * {@return the release, e.g. {@code 9.1}; empty if not sent}
     */
    public String release() {
        return release;
    }

    /**
     * {@return the source commit id; empty if not sent}
     */
    public String repoId() {
        return repoId;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PveVersion)) {
            return false;
        }
        PveVersion o = (PveVersion) other;
        return version.equals(o.version) && release.equals(o.release) && repoId.equals(o.repoId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, release, repoId);
    }

    @Override
    public String toString() {
        return "PveVersion[version=" + version + ", release=" + release + ", repoId=" + repoId + "]";
    }
}
