package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.node.ExecResult;
import io.github.proxmoxlxc.node.HostKeyPolicy;
import io.github.proxmoxlxc.node.NodeConnection;
import io.github.proxmoxlxc.node.RemoteCommand;
import io.github.proxmoxlxc.node.SshAuth;
import io.github.proxmoxlxc.node.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SSH connections to the nodes, built from {@code --ssh}/{@code PVE_SSH*} (or handed over by the
 * embedded simulator): one connection per target, opened on first use, shared by every step of a
 * command, closed with it. A target without {@code NODE=} serves any node, after checking that the
 * machine it reaches calls itself by that node's name ({@code uname -n}).
 */
final class NodeChannels implements AutoCloseable {
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9\\-]*[A-Za-z0-9])?");
    private static final NodeChannels NONE = new NodeChannels(Map.of(), null, null, null, "");

    /** Named targets by node name. */
    private final Map<String, SshTarget> named;
    /** The target for any node, or null. */
    private final SshTarget any;
    private final HostKeyPolicy hostKeys;
    private final SshAuth auth;
    /** The flag or variable the targets came from, for messages. */
    private final String source;
    private final Map<SshTarget, NodeConnection> open = new ConcurrentHashMap<>();
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    private NodeChannels(Map<String, SshTarget> named, SshTarget any, HostKeyPolicy hostKeys, SshAuth auth,
            String source) {
        this.named = Map.copyOf(named);
        this.any = any;
        this.hostKeys = hostKeys;
        this.auth = auth;
        this.source = source;
    }

    /** No SSH: every node patch is printed, nothing runs in the container. */
    static NodeChannels none() {
        return NONE;
    }

    /**
     * The channels the options and environment ask for; {@link #none()} when neither {@code --ssh}
     * nor {@code PVE_SSH} is given.
     */
    static NodeChannels from(SshOptions o, Map<String, String> env) {
        List<String> specs = new ArrayList<>();
        String source;
        if (o != null && o.ssh != null && !o.ssh.isEmpty()) {
            o.ssh.forEach(s -> specs.addAll(Arrays.asList(s.split(","))));
            source = "--ssh";
        } else if (notBlank(env.get("PVE_SSH"))) {
            specs.addAll(Arrays.asList(env.get("PVE_SSH").split(",")));
            source = "PVE_SSH";
        } else {
            return NONE;
        }
        Map<String, SshTarget> named = new LinkedHashMap<>();
        SshTarget any = null;
        for (String raw : specs) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            int eq = s.indexOf('=');
            String node = eq < 0 ? null : s.substring(0, eq).strip();
            String target = eq < 0 ? s : s.substring(eq + 1).strip();
            if (node != null && !NODE_NAME.matcher(node).matches()) {
                throw CliException.invalid(source, s, "the node name before '=' must be a Proxmox VE node name"
                        + " (letters, digits, '-'), e.g. pve1=root@10.0.0.1");
            }
            SshTarget t;
            try {
                t = SshTarget.parse(target);
            } catch (ProxmoxException e) {
                throw CliException.invalid(source, s, "must be [NODE=][USER@]HOST[:PORT], e.g. root@10.0.0.1 or"
                        + " pve1=root@[fd00::1]:22");
            }
            if (node == null) {
                if (any != null) {
                    throw CliException.invalid(source, s, "only one target may lack a NODE= prefix; name the nodes,"
                            + " e.g. pve1=root@10.0.0.1,pve2=root@10.0.0.2");
                }
                any = t;
            } else if (named.put(node, t) != null) {
                throw CliException.invalid(source, s, "node " + node + " is given twice");
            }
        }
        if (named.isEmpty() && any == null) {
            return NONE;
        }
        return new NodeChannels(named, any, hostKeys(o, env), auth(o, env), source);
    }

    /**
     * Channels to known targets, all checked against the same pins and logging in with one key
     * (the embedded simulator's node simulator).
     */
    static NodeChannels of(Map<String, SshTarget> targets, HostKeyPolicy hostKeys, SshAuth auth, String source) {
        return new NodeChannels(targets, null, hostKeys, auth, source);
    }

    /** Whether any SSH target is configured. */
    boolean configured() {
        return any != null || !named.isEmpty();
    }

    /** The flag or variable the targets came from ({@code --ssh}, {@code PVE_SSH}). */
    String source() {
        return source;
    }

    /** The connection to a node, if a target serves it (the unnamed target is checked against the name). */
    Optional<NodeConnection> forNode(String node) {
        SshTarget t = named.get(node);
        if (t == null && any == null) {
            return Optional.empty();
        }
        if (t == null) {
            NodeConnection c = connection(any);
            if (verified.computeIfAbsent(node, n -> check(c, n))) {
                return Optional.of(c);
            }
            return Optional.empty();
        }
        return Optional.of(connection(t));
    }

    /** The connection to a node, or a clear error naming {@code --ssh NODE=...}. */
    NodeConnection require(String node) {
        return forNode(node).orElseThrow(() -> CliException.invalid("--ssh", String.join(",", describe()),
                "has no target for node " + node + "; add one, e.g. --ssh " + node + "=root@<address of " + node + ">"));
    }

    /** {@link #require} as a function, for the node module's appliers and setups. */
    Function<String, NodeConnection> resolver() {
        return this::require;
    }

    private List<String> describe() {
        List<String> out = new ArrayList<>();
        named.forEach((n, t) -> out.add(n + "=" + t));
        if (any != null) {
            out.add(any.toString());
        }
        return out;
    }

    private NodeConnection connection(SshTarget t) {
        return open.computeIfAbsent(t, x -> NodeConnection.builder(x).hostKeys(hostKeys).auth(auth).build());
    }

    private boolean check(NodeConnection c, String node) {
        ExecResult r = c.exec(RemoteCommand.of("uname", "-n"));
        String name = r.stdout().strip();
        int dot = name.indexOf('.');
        String shortName = dot < 0 ? name : name.substring(0, dot);
        if (!r.success() || !shortName.equalsIgnoreCase(node)) {
            throw CliException.invalid(source, any.toString(), "reaches the machine '" + name + "', not node " + node
                    + "; name the target of each node, e.g. --ssh " + node + "=root@<address of " + node + ">");
        }
        return true;
    }

    private static HostKeyPolicy hostKeys(SshOptions o, Map<String, String> env) {
        List<String> pins = o != null && o.fingerprints != null && !o.fingerprints.isEmpty() ? o.fingerprints
                : notBlank(env.get("PVE_SSH_FINGERPRINT")) ? Arrays.asList(env.get("PVE_SSH_FINGERPRINT").split(","))
                : List.of();
        Path known = o != null && o.knownHosts != null ? o.knownHosts
                : notBlank(env.get("PVE_SSH_KNOWN_HOSTS")) ? Path.of(env.get("PVE_SSH_KNOWN_HOSTS")) : null;
        boolean insecure = o != null && o.insecure;
        int ways = (pins.isEmpty() ? 0 : 1) + (known == null ? 0 : 1) + (insecure ? 1 : 0);
        if (ways > 1) {
            throw CliException.invalid(insecure ? "--ssh-insecure" : "PVE_SSH_FINGERPRINT", "",
                    "choose one way to check the node's SSH host key: PVE_SSH_FINGERPRINT (--ssh-fingerprint),"
                            + " PVE_SSH_KNOWN_HOSTS (--ssh-known-hosts) or --ssh-insecure");
        }
        if (insecure) {
            return HostKeyPolicy.insecure();
        }
        if (!pins.isEmpty()) {
            try {
                return HostKeyPolicy.fingerprints(pins.stream().map(String::strip).toList());
            } catch (ProxmoxException e) {
                throw CliException.invalid("PVE_SSH_FINGERPRINT", String.join(",", pins), "must be SHA256:<43 base64"
                        + " characters> as 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' prints it on the node");
            }
        }
        if (known == null) {
            known = home(env).resolve(".ssh").resolve("known_hosts");
        }
        if (!Files.isRegularFile(known)) {
            throw CliException.invalid("PVE_SSH_KNOWN_HOSTS", known.toString(), "is not a readable file; pin the node's"
                    + " key with PVE_SSH_FINGERPRINT (--ssh-fingerprint) or give a known_hosts file");
        }
        return HostKeyPolicy.knownHosts(known);
    }

    private static SshAuth auth(SshOptions o, Map<String, String> env) {
        Path key = o != null && o.key != null ? o.key : notBlank(env.get("PVE_SSH_KEY")) ? Path.of(env.get("PVE_SSH_KEY"))
                : null;
        String passphrase = env.get("PVE_SSH_KEY_PASSPHRASE");
        if (key == null) {
            if (notBlank(env.get("SSH_AUTH_SOCK"))) {
                return SshAuth.agent(Path.of(env.get("SSH_AUTH_SOCK")));
            }
            for (String name : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
                Path p = home(env).resolve(".ssh").resolve(name);
                if (Files.isRegularFile(p)) {
                    key = p;
                    break;
                }
            }
            if (key == null) {
                throw CliException.invalid("PVE_SSH_KEY", "", "must name a private key file (--ssh-key) when no SSH"
                        + " agent runs (SSH_AUTH_SOCK) and ~/.ssh has no id_ed25519, id_ecdsa or id_rsa");
            }
        }
        if (!Files.isRegularFile(key)) {
            throw CliException.invalid(o != null && o.key != null ? "--ssh-key" : "PVE_SSH_KEY", key.toString(),
                    "must be a readable private key file");
        }
        return passphrase == null || passphrase.isEmpty() ? SshAuth.keyFile(key)
                : SshAuth.keyFile(key, passphrase.toCharArray());
    }

    private static Path home(Map<String, String> env) {
        String h = env.get("HOME");
        return Path.of(notBlank(h) ? h : System.getProperty("user.home"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** A short description of the targets ({@code pve1=root@10.0.0.1:22}). */
    @Override
    public String toString() {
        return configured() ? String.join(",", describe()) : "no SSH";
    }

    /** Closes every connection opened. */
    @Override
    public void close() {
        for (NodeConnection c : open.values()) {
            c.close();
        }
        open.clear();
    }
}
