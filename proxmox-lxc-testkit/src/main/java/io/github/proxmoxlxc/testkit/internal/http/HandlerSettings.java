package io.github.proxmoxlxc.testkit.internal.http;

/**
 * Settings of the HTTP-facing behaviour.
 *
 * @param tokenId API token id ({@code user@realm!name})
 * @param tokenSecret API token secret
 * @param rootPassword root@pam password for the ticket flow
 * @param authFailureDelayMillis delay of 401 answers (pveproxy waits 3 s)
 * @param legacyErrors whether errors carry their text only in the reason phrase (PVE before 8.3)
 * @param fingerprint leaf fingerprint, reported by {@code GET /nodes}
 * @param clusterName cluster name reported by the ticket call
 * @param templateSize bytes a downloaded template takes
 */
public record HandlerSettings(String tokenId, String tokenSecret, String rootPassword, long authFailureDelayMillis,
        boolean legacyErrors, String fingerprint, String clusterName, long templateSize) {

    /** Hides the secrets. */
    @Override
    public String toString() {
        return "HandlerSettings[tokenId=" + tokenId + ", legacyErrors=" + legacyErrors + "]";
    }
}
