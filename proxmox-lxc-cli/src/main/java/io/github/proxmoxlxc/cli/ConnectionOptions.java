package io.github.proxmoxlxc.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the cluster is and how to trust and log in to it; each option falls back to its PVE_* variable. */
final class ConnectionOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "Proxmox VE URL, e.g. https://pve1:8006 (env PVE_URL). Without it an embedded simulator is used.")
    String url;

    @Option(names = "--token-id", paramLabel = "USER@REALM!NAME", description = "API token id (env PVE_TOKEN_ID).")
    String tokenId;

    @Option(names = "--token-secret-file", paramLabel = "FILE",
            description = "File holding the API token secret (env PVE_TOKEN_SECRET). Secrets are never taken as arguments.")
    Path tokenSecretFile;

    @Option(names = "--user", paramLabel = "USER@REALM",
            description = "Log in with a password ticket instead of a token (env PVE_USER); password from env PVE_PASSWORD.")
    String user;

    @Option(names = "--fingerprint", paramLabel = "SHA256", split = ",",
            description = "Pin the server certificate's SHA-256 fingerprint; repeatable (env PVE_FINGERPRINT, comma-separated).")
    List<String> fingerprints;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust this CA, e.g. pve-root-ca.pem (env PVE_CA_FILE).")
    Path caFile;

    @Option(names = "--insecure", description = "Trust any certificate (testing only; logs a warning).")
    boolean insecure;

    @Option(names = "--allow-plain-http",
            description = "Allow an http:// PVE_URL: the token or password is sent unencrypted (local test servers only).")
    boolean allowPlainHttp;

    @Option(names = "--call-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up on one API call after this long, however slowly the server answers (default 2m).")
    java.time.Duration callTimeout;
}
