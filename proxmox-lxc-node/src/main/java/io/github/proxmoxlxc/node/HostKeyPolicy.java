package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the node's SSH host key is checked: against a known_hosts file, against pinned SHA-256
 * fingerprints (the {@code SHA256:...} form that {@code ssh-keygen -lf} prints; several allowed
 * for key rotation), or not at all ({@link #insecure()}, with a warning on every connect). A key
 * that does not match closes the connection before any credential is offered.
 */
public final class HostKeyPolicy {
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

    private final Path knownHosts;
    private final Set<String> fingerprints;
    private final boolean insecure;

    private HostKeyPolicy(Path knownHosts, Set<String> fingerprints, boolean insecure) {
        this.knownHosts = knownHosts;
        this.fingerprints = fingerprints;
        this.insecure = insecure;
    }

    /**
     * Checks against an OpenSSH known_hosts file (hashed entries and {@code [host]:port} forms
     * included); an unknown host is refused, never added.
     *
     * @param file the known_hosts file
     * @return the policy
     */
    public static HostKeyPolicy knownHosts(Path file) {
        return new HostKeyPolicy(Objects.requireNonNull(file, "file"), Set.of(), false);
    }

    /**
     * Checks against {@code ~/.ssh/known_hosts}.
     *
     * @return the policy
     */
    public static HostKeyPolicy defaultKnownHosts() {
        return knownHosts(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }

    /**
     * Accepts only keys with one of these fingerprints.
     *
     * @param fingerprints one or more {@code SHA256:<base64>} fingerprints, as {@code ssh-keygen -lf} prints
     * @return the policy
     * @throws ProxmoxException naming a value that is not such a fingerprint
     */
    public static HostKeyPolicy fingerprints(List<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            throw new ProxmoxException("pin at least one SSH host key fingerprint (SHA256:..., see ssh-keygen -lf "
                    + "/etc/ssh/ssh_host_ed25519_key.pub on the node)");
        }
        Set<String> set = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String f : fingerprints) {
            String t = f.trim();
            if (!FINGERPRINT.matcher(t).matches()) {
                bad.add(f);
            } else {
                set.add(t.endsWith("=") ? t.substring(0, t.length() - 1) : t);
            }
        }
        if (!bad.isEmpty()) {
            throw new ProxmoxException("SSH host key fingerprint " + bad + " is not of the form SHA256:<43 base64 "
                    + "characters> as 'ssh-keygen -lf <key>.pub' prints it");
        }
        return new HostKeyPolicy(null, Set.copyOf(set), false);
    }

    /**
     * Accepts only keys with one of these fingerprints.
     *
     * @param first a {@code SHA256:<base64>} fingerprint
     * @param more further fingerprints
     * @return the policy
     */
    public static HostKeyPolicy fingerprints(String first, String... more) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return fingerprints(all);
    }

    /**
     * Accepts any host key, logging a warning with its fingerprint on every connect. For throwaway
     * labs only: anyone on the path can impersonate the node and receive what is sent to it.
     *
     * @return the policy
     */
    public static HostKeyPolicy insecure() {
        return new HostKeyPolicy(null, Set.of(), true);
    }

    /**
     * Whether any key is accepted.
     *
     * @return true for {@link #insecure()}
     */
    public boolean isInsecure() {
        return insecure;
    }

    /**
     * The known_hosts file, when this policy uses one.
     *
     * @return the file
     */
    public Optional<Path> knownHostsFile() {
        return Optional.ofNullable(knownHosts);
    }

    /**
     * The pinned fingerprints (without trailing {@code =}).
     *
     * @return an unmodifiable set, empty unless pinned
     */
    public Set<String> pinnedFingerprints() {
        return fingerprints;
    }

    @Override
    public String toString() {
        return insecure ? "HostKeyPolicy[insecure]" : knownHosts != null ? "HostKeyPolicy[known_hosts " + knownHosts + "]"
                : "HostKeyPolicy[pinned " + fingerprints + "]";
    }
}
