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
    private NodeChannels nodes = NodeChannels.none();

    private Connection(ProxmoxClient client, PveSimulator simulator) {
        this.client = client;
        this.simulator = simulator;
    }

    /** The SSH connections to the nodes ({@code --ssh}, {@code PVE_SSH*}); {@link NodeChannels#none()} without. */
    NodeChannels nodes() {
        return nodes;
    }

    /**
     * Opens a connection and, when the command takes {@code --ssh} ({@code ssh} not null), the SSH
     * channels to the nodes.
     */
    static Connection open(ConnectionOptions o, SshOptions ssh, Out out) {
        NodeChannels channels = ssh == null ? NodeChannels.none() : NodeChannels.from(ssh, out.ctx().env());
        Connection c = open(o, out);
        c.nodes = channels;
        return c;
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
            String set = connectionSettingWithoutUrl(o, env);
            if (set != null) {
                // a blank PVE_URL next to real credentials is a mistake, not a request for the simulator
                throw CliException.invalid("PVE_URL", "", "is empty while " + set + " is set; set PVE_URL (or --url)"
                        + " to the cluster, or unset the PVE_* variables to use the embedded simulator");
            }
            out.headline(SIMULATOR_NOTICE);
            out.simulated();
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
        String shownUrl = BaseUrlText.redact(url);
        ProxmoxClient.Builder b = ProxmoxClient.builder().trust(trust(o, env));
        if (o.insecure) {
            out.note("warning: --insecure: the server certificate is not checked, so anyone on the network path can"
                    + " read the credentials; pin it with PVE_FINGERPRINT or trust the cluster CA with PVE_CA_FILE");
        }
        if (o.callTimeout != null) {
            try {
                b.callTimeout(o.callTimeout);
            } catch (IllegalArgumentException e) {
                throw CliException.invalid("--call-timeout", o.callTimeout.toString(), "must be positive");
            }
        }
        try {
            b.baseUrl(url);
        } catch (IllegalArgumentException e) {
            throw CliException.invalid("PVE_URL", shownUrl,
                    String.valueOf(e.getMessage()).replaceFirst("^baseUrl: '[^']*' ", ""));
        }
        if (url.strip().toLowerCase(java.util.Locale.ROOT).startsWith("http://")) {
            if (!o.allowPlainHttp) {
                throw CliException.invalid("PVE_URL", shownUrl, "is plain http://: the token or password would be sent"
                        + " unencrypted; use https://, or add --allow-plain-http for a local test server");
            }
            String verify = o.insecure ? "--insecure" : o.fingerprints != null && !o.fingerprints.isEmpty()
                    || notBlank(env.get("PVE_FINGERPRINT")) ? "PVE_FINGERPRINT (--fingerprint)"
                    : o.caFile != null || notBlank(env.get("PVE_CA_FILE")) ? "PVE_CA_FILE (--ca-file)" : null;
            if (verify != null) {
                throw CliException.invalid("--allow-plain-http", "", "cannot be combined with " + verify
                        + ": nothing is verified over http://; use an https:// PVE_URL");
            }
            b.allowPlaintextHttp();
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
                int eq = tokenId.indexOf('=');
                // the library names its own parameter first ("tokenId: '...' "); the CLI names PVE_TOKEN_ID instead
                throw CliException.invalid("PVE_TOKEN_ID", eq < 0 ? tokenId : tokenId.substring(0, eq) + "=***",
                        String.valueOf(e.getMessage()).replaceFirst("^tokenId: '[^']*' ", ""));
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
                    + " PVE_USER with PVE_PASSWORD must be given with PVE_URL=" + shownUrl);
        }
        try {
            return new Connection(b.build(), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliException.invalid("PVE_URL", shownUrl,
                    String.valueOf(e.getMessage()).replaceFirst("^baseUrl: '[^']*' ", ""));
        }
    }

    /** A token secret is a UUID; anything much larger is not a secret file. */
    private static final int MAX_SECRET_FILE = 4096;

    private static String secret(ConnectionOptions o, Map<String, String> env) {
        if (o.tokenSecretFile != null) {
            Path f = o.tokenSecretFile;
            try {
                if (!Files.isRegularFile(f)) {
                    throw CliException.invalid("--token-secret-file", f.toString(), "must be a regular file");
                }
                if (Files.size(f) > MAX_SECRET_FILE) {
                    throw CliException.invalid("--token-secret-file", f.toString(), "is larger than "
                            + MAX_SECRET_FILE + " bytes; it should hold only the token secret");
                }
                try {
                    java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(f);
                    if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                            || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
                        throw CliException.invalid("--token-secret-file", f.toString(), "is readable by others (mode "
                                + java.nio.file.attribute.PosixFilePermissions.toString(perms)
                                + "); restrict it with chmod 600");
                    }
                } catch (UnsupportedOperationException e) {
                    // no POSIX modes on this file system: nothing to check
                }
                byte[] bytes;
                try (java.io.InputStream in = Files.newInputStream(f)) {
                    bytes = in.readNBytes(MAX_SECRET_FILE + 1);
                }
                if (bytes.length > MAX_SECRET_FILE) {
                    throw CliException.invalid("--token-secret-file", f.toString(), "is larger than "
                            + MAX_SECRET_FILE + " bytes; it should hold only the token secret");
                }
                String s = new String(bytes, StandardCharsets.UTF_8).strip();
                if (s.isEmpty()) {
                    throw CliException.invalid("--token-secret-file", f.toString(), "file is empty");
                }
                return s;
            } catch (IOException e) {
                throw CliException.invalid("--token-secret-file", f.toString(),
                        "must be a readable file: " + e.getMessage());
            }
        }
        String s = env.get("PVE_TOKEN_SECRET");
        if (s == null || s.isEmpty()) {
            throw CliException.invalid("PVE_TOKEN_SECRET", "", "must be set (or --token-secret-file) with a token id");
        }
        return s;
    }

    /** The first connection setting given although PVE_URL is blank, or null. */
    private static String connectionSettingWithoutUrl(ConnectionOptions o, Map<String, String> env) {
        for (String k : new String[] {"PVE_TOKEN_ID", "PVE_TOKEN_SECRET", "PVE_USER", "PVE_PASSWORD",
                "PVE_FINGERPRINT", "PVE_CA_FILE"}) {
            if (notBlank(env.get(k))) {
                return k;
            }
        }
        if (notBlank(o.tokenId) || o.tokenSecretFile != null || notBlank(o.user)) {
            return notBlank(o.tokenId) ? "--token-id" : o.tokenSecretFile != null ? "--token-secret-file" : "--user";
        }
        if (o.fingerprints != null && !o.fingerprints.isEmpty() || o.caFile != null || o.insecure) {
            return o.insecure ? "--insecure" : o.caFile != null ? "--ca-file" : "--fingerprint";
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static Trust trust(ConnectionOptions o, Map<String, String> env) {
        List<String> pins = o.fingerprints;
        if ((pins == null || pins.isEmpty()) && env.get("PVE_FINGERPRINT") != null
                && !env.get("PVE_FINGERPRINT").isBlank()) {
            pins = Arrays.asList(env.get("PVE_FINGERPRINT").split(","));
        }
        String ca = o.caFile != null ? o.caFile.toString() : env.get("PVE_CA_FILE");
        boolean pinned = pins != null && !pins.isEmpty();
        boolean hasCa = ca != null && !ca.isBlank();
        if (o.insecure && (pinned || hasCa)) {
            throw CliException.invalid("--insecure", "", "cannot be combined with " + (pinned
                    ? "PVE_FINGERPRINT (--fingerprint)" : "PVE_CA_FILE (--ca-file)") + ": choose one way to trust"
                    + " the server");
        }
        if (pinned && hasCa) {
            throw CliException.invalid("PVE_FINGERPRINT", String.join(",", pins), "cannot be combined with"
                    + " PVE_CA_FILE (--ca-file) " + ca + ": choose the pin or the CA");
        }
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
            nodes.close();
            client.close();
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
