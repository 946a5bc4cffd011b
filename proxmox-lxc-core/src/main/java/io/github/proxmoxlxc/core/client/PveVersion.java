package io.github.proxmoxlxc.core.client;

/**
 * The API server version ({@code GET /version}).
 *
 * @param version the pve-manager version, e.g. {@code 9.1.2}
 * @param release the release, e.g. {@code 9.1}
 * @param repoId the source commit id
 */
public record PveVersion(String version, String release, String repoId) {
}
