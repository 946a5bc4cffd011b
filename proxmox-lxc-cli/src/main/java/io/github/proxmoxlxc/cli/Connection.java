package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An open client, and the embedded simulator behind it when no {@code PVE_URL} was given.
 * Closing it closes both.
 */
final class Connection implements AutoCloseable {
    /** The line every output starts with when the embedded simulator is used. */
    static final String SIMULATOR_NOTICE = "No PVE_URL set: using the embedded Proxmox VE simulator;"
            + " nothing real is created or changed.";

    private final ProxmoxClient client;
    private final PveSimulator simulator;

    private Connection(ProxmoxClient client, PveSimulator simulator) {
        this.client = client;
        this.simulator = simulator;
    }

    ProxmoxClient client() {
        return client;
    }

    boolean simulated() {
        return simulator != null;
    }

    /**
     * Opens a connection from options and environment; prints the simulator notice first when
     * the embedded simulator is used.
     */
    static Connection open(ConnectionOptions o, Out out) {
        Map<String, String> env = out.ctx().env();
        String url = pick(o.url, env.get("PVE_URL"));
        if (url == null) {
            out.headline(SIMULATOR_NOTICE);
            PveSimulator.Builder b = PveSimulator.builder();
            out.ctx().setUpSimulator(b);
            PveSimulator sim = b.start();
            try {
                // root@pam, as build.func runs: keyctl (on by default for unprivileged containers),
                // devN and bind mounts are refused to API tokens
                ProxmoxClient client = ProxmoxClient.builder()
                        .baseUrl(sim.baseUrl())
                        .password("root@pam", sim.rootPassword().toCharArray())
                        .trust(Trust.fingerprints(sim.fingerprint()))
                        .build();
                return new Connection(client, sim);
            } catch (RuntimeException e) {
                sim.close();
                throw e;
            }
        }
        ProxmoxClient.Builder b = ProxmoxClient.builder().trust(trust(o, env));
        if (o.insecure) {
            out.note("warning: --insecure: the server certificate is not checked, so anyone on the network path can"
                    + " read the credentials; pin it with PVE_FINGERPRINT or trust the cluster CA with PVE_CA_FILE");
        }
        try {
            b.baseUrl(url);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("PVE_URL", url, e.getMessage());
        }
        String user = pick(o.user, env.get("PVE_USER"));
        String tokenId = pick(o.tokenId, env.get("PVE_TOKEN_ID"));
        if (tokenId != null && (user != null || pick(null, env.get("PVE_PASSWORD")) != null)) {
            throw new CliException(ExitCodes.USAGE, List.of(new ErrorEntry(user != null ? "PVE_USER" : "PVE_PASSWORD",
                    user != null ? user : "", "a password login (PVE_USER/--user with PVE_PASSWORD) and an API token"
                    + " (PVE_TOKEN_ID/--token-id) are both set: unset one of them (the token would win silently)",
                    "")));
        }
        if (tokenId != null) {
            String secret = secret(o, env);
            try {
                b.apiToken(tokenId, secret);
            } catch (IllegalArgumentException e) {
                throw CliException.invalid("PVE_TOKEN_ID", tokenId, e.getMessage());
            }
        } else if (user != null) {
            String password = env.get("PVE_PASSWORD");
            if (password == null || password.isEmpty()) {
                throw CliException.invalid("PVE_PASSWORD", "", "must be set when logging in as " + user);
            }
            try {
                b.password(user, password.toCharArray());
            } catch (IllegalArgumentException e) {
                throw CliException.invalid("PVE_USER", user, e.getMessage());
            }
        } else {
            throw CliException.invalid("PVE_TOKEN_ID", "", "an API token (PVE_TOKEN_ID and PVE_TOKEN_SECRET) or"
                    + " PVE_USER with PVE_PASSWORD must be given with PVE_URL=" + url);
        }
        try {
            return new Connection(b.build(), null);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("PVE_URL", url, e.getMessage());
        }
    }

    private static String secret(ConnectionOptions o, Map<String, String> env) {
        if (o.tokenSecretFile != null) {
            try {
                String s = Files.readString(o.tokenSecretFile, StandardCharsets.UTF_8).strip();
                if (s.isEmpty()) {
                    throw CliException.invalid("--token-secret-file", o.tokenSecretFile.toString(), "file is empty");
                }
                return s;
            } catch (IOException e) {
                throw CliException.invalid("--token-secret-file", o.tokenSecretFile.toString(),
                        "must be a readable file: " + e.getMessage());
            }
        }
        String s = env.get("PVE_TOKEN_SECRET");
        if (s == null || s.isEmpty()) {
            throw CliException.invalid("PVE_TOKEN_SECRET", "", "must be set (or --token-secret-file) with a token id");
        }
        return s;
    }

    private static Trust trust(ConnectionOptions o, Map<String, String> env) {
        List<String> pins = o.fingerprints;
        if ((pins == null || pins.isEmpty()) && env.get("PVE_FINGERPRINT") != null
                && !env.get("PVE_FINGERPRINT").isBlank()) {
            pins = Arrays.asList(env.get("PVE_FINGERPRINT").split(","));
        }
        String ca = o.caFile != null ? o.caFile.toString() : env.get("PVE_CA_FILE");
        try {
            if (o.insecure) {
                return Trust.insecureTrustAll();
            }
            if (pins != null && !pins.isEmpty()) {
                return Trust.fingerprints(pins.stream().map(String::strip).toList());
            }
            if (ca != null && !ca.isBlank()) {
                return Trust.pemCa(Path.of(ca));
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw CliException.invalid(pins != null && !pins.isEmpty() ? "PVE_FINGERPRINT" : "PVE_CA_FILE",
                    pins != null && !pins.isEmpty() ? String.join(",", pins) : ca, e.getMessage());
        }
        return Trust.system();
    }

    private static String pick(String option, String env) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        return env == null || env.isBlank() ? null : env;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
