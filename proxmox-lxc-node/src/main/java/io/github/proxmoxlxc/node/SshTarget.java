package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to connect: {@code [user@]host[:port]}, as {@code ssh} takes it; user {@code root} and port
 * 22 unless given. An IPv6 address with a port goes in brackets: {@code root@[fd00::1]:2222}.
 *
 * <pre>{@code
 * SshTarget t = SshTarget.parse("root@10.0.0.1:2222");
 * t.user(); t.host(); t.port();   // root, 10.0.0.1, 2222
 * }</pre>
 */
public final class SshTarget {
    private static final Pattern FORM = Pattern.compile(
            "(?:([a-z_][a-zA-Z0-9_.\\-]{0,31})@)?(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9][A-Za-z0-9.\\-]{0,252}|[0-9a-fA-F:]+)(?::(\\d{1,5}))?");
    private final String user;
    private final String host;
    private final int port;

    private SshTarget(String user, String host, int port) {
        this.user = user;
        this.host = host;
        this.port = port;
    }

    /**
     * Parses {@code [user@]host[:port]}.
     *
     * @param text e.g. {@code root@pve1}, {@code 10.0.0.1:2222}
     * @return the target
     * @throws ProxmoxException naming the value and the expected form when it does not parse
     */
    public static SshTarget parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new ProxmoxException("SSH target '" + text + "' is not [user@]host[:port] (e.g. root@10.0.0.1 or "
                    + "root@pve1:22)");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            // a bare IPv6 address: no port possible without brackets
            if (m.group(3) != null) {
                throw new ProxmoxException("SSH target '" + text + "': put an IPv6 address in brackets, e.g. root@[fd00::1]:22");
            }
        }
        int port = 22;
        if (m.group(3) != null) {
            port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw new ProxmoxException("SSH target '" + text + "': port " + port + " is not 1..65535");
            }
        }
        return new SshTarget(m.group(1) == null ? "root" : m.group(1), host, port);
    }

    /**
     * A target from its parts.
     *
     * @param user the login user, e.g. {@code root}
     * @param host the host name or address
     * @param port 1..65535
     * @return the target
     */
    public static SshTarget of(String user, String host, int port) {
        return parse(Objects.requireNonNull(user, "user") + "@" + (Objects.requireNonNull(host, "host").indexOf(':') >= 0
                ? "[" + host + "]" : host) + ":" + port);
    }

    /**
     * The login user.
     *
     * @return e.g. {@code root}
     */
    public String user() {
        return user;
    }

    /**
     * The host name or address (without brackets).
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * The TCP port.
     *
     * @return 1..65535
     */
    public int port() {
        return port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshTarget && ((SshTarget) o).user.equals(user) && ((SshTarget) o).host.equals(host)
                && ((SshTarget) o).port == port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, host, port);
    }

    /** {@code user@host:port}, IPv6 in brackets. */
    @Override
    public String toString() {
        return user + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
