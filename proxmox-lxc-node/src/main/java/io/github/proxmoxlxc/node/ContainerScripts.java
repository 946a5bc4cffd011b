package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.apps.ScriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts scripts into a running container through its node and runs them there the way
 * {@code build.func} runs an install script: the script and its helper functions come from a
 * {@link ScriptSource} (fetched by the node with {@code curl -fsSL} for a URL source, read on this
 * machine and sent over the SSH connection for a local checkout), land in the container with
 * {@code pct push}, and run with {@code bash} and an environment. Shared by the install step and
 * by anything else that runs a repository script in a container (an app's update).
 *
 * <p>The environment is given with {@code env NAME=value} words in front of the command inside the
 * container, except secrets ({@code PASSWORD}, {@code GITHUB_TOKEN}, any name containing
 * {@code PASSWORD}, {@code TOKEN}, {@code SECRET} or {@code PASSPHRASE}), which never appear on a
 * command line (where {@code ps} on the node would show them): they go into a file sent through
 * standard input, pushed with mode {@code 0600}, read and removed by the wrapper inside the
 * container before the script starts. {@code FUNCTIONS_FILE_PATH} is the <em>contents</em> of the
 * staged functions file ({@code misc/install.func} or {@code misc/alpine-install.func}), as
 * build.func exports it.
 *
 * <pre>{@code
 * ContainerScripts scripts = ContainerScripts.on(node, Duration.ofMinutes(30), OutputListener.none());
 * scripts.stage(100, ScriptSource.communityScripts(), "install/jellyfin-install.sh", "/root/.install.sh", "0700");
 * scripts.stage(100, ScriptSource.communityScripts(), "misc/install.func", "/root/.install.func", "0600");
 * scripts.run(100, "/root/.install.sh", Optional.of("/root/.install.func"), env).requireSuccess();
 * }</pre>
 */
public final class ContainerScripts {
    /** build.func refuses a functions file shorter than this ({@code exit 115}). */
    public static final int MIN_FUNCTIONS_BYTES = 100;
    private static final int MAX_BYTES = 4 << 20;
    private static final Pattern PERMS = Pattern.compile("0?[0-7]{3}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * On the node: {@code $1} vmid, {@code $2} destination in the container, {@code $3} mode,
     * {@code $4} URL (empty: read standard input), {@code $5} curl protocols, {@code $6} minimum and
     * {@code $7} maximum size in bytes. A private temporary file, removed on exit.
     */
    private static final String STAGE = String.join("\n",
            "set -eu",
            "vmid=$1; dest=$2; perms=$3; url=$4; proto=$5; min=$6; max=$7",
            "umask 077",
            "tmp=$(mktemp /tmp/proxmox-lxc-stage.XXXXXX)",
            "trap 'rm -f \"$tmp\"' EXIT",
            "if [ -n \"$url\" ]; then",
            "  curl -fsSL --proto \"$proto\" --proto-redir \"$proto\" --connect-timeout 10 --retry 5"
                    + " --retry-connrefused --retry-delay 2 --max-time 300 --max-filesize \"$max\" -o \"$tmp\" \"$url\""
                    + " || { rc=$?; echo \"could not fetch $url (curl exit status $rc)\" >&2; exit 22; }",
            "else",
            "  head -c \"$max\" > \"$tmp\"",
            "fi",
            "size=$(wc -c < \"$tmp\")",
            "if [ \"$size\" -lt \"$min\" ]; then",
            "  echo \"${url:-the staged file} has $size bytes, fewer than the $min expected\" >&2; exit 115",
            "fi",
            "pct push \"$vmid\" \"$tmp\" \"$dest\" --perms \"$perms\"");

    /**
     * In the container: {@code $1} environment file, {@code $2} functions file (or empty), {@code $3}
     * the script. Reads and removes the environment file, exports {@code FUNCTIONS_FILE_PATH}, runs
     * the script with bash, prefers the exit code install.func leaves in
     * {@code /root/.install-$SESSION_ID.failed} (as build.func does), removes what it staged.
     */
    private static final String RUN = String.join("\n",
            "envf=$1; funcs=$2; script=$3",
            "if [ -n \"$envf\" ]; then set -a; . \"$envf\"; set +a; rm -f \"$envf\"; fi",
            "if [ -n \"$funcs\" ]; then FUNCTIONS_FILE_PATH=$(cat \"$funcs\"); export FUNCTIONS_FILE_PATH;"
                    + " rm -f \"$funcs\"; fi",
            "bash \"$script\" </dev/null; rc=$?",
            "flag=/root/.install-${SESSION_ID:-none}.failed",
            "if [ -f \"$flag\" ]; then f=$(cat \"$flag\" 2>/dev/null || echo 1); rm -f \"$flag\";"
                    + " [ \"${f:-1}\" != 0 ] && rc=${f:-1}; fi",
            "rm -f \"$script\"",
            "exit $rc");

    private final NodeConnection node;
    private final Duration deadline;
    private final OutputListener listener;

    private ContainerScripts(NodeConnection node, Duration deadline, OutputListener listener) {
        this.node = node;
        this.deadline = deadline;
        this.listener = listener;
    }

    /**
     * Scripts for containers on one node.
     *
     * @param node the SSH connection to the node (as root)
     * @param deadline the most each command may take
     * @param listener gets the output lines of every command
     * @return the helper
     */
    public static ContainerScripts on(NodeConnection node, Duration deadline, OutputListener listener) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        return new ContainerScripts(Objects.requireNonNull(node, "node"), deadline,
                Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Sends bytes from this machine into the container (standard input of the SSH channel, never
     * a command line), at most 4 MiB.
     *
     * @param vmid the running container
     * @param content the bytes
     * @param destination an absolute path in the container
     * @param perms the file mode in octal, e.g. {@code 0600}
     * @throws CommandFailedException when the node cannot push it (the container is not running...)
     */
    public void push(int vmid, byte[] content, String destination, String perms) {
        if (content.length > MAX_BYTES) {
            throw new ProxmoxException("cannot push " + destination + ": " + content.length + " bytes is more than 4 MiB");
        }
        stageCommand(vmid, destination, perms, "", "=https", 0, content);
    }

    /**
     * Has the node download a URL ({@code curl -fsSL} with retries, at most 4 MiB) and push it into
     * the container. Only {@code https://}, or {@code http://} when the URL itself says so; a
     * redirect may not lower the protocol.
     *
     * @param vmid the running container
     * @param url the URL
     * @param destination an absolute path in the container
     * @param perms the file mode in octal
     * @param minBytes the least the download must have (e.g. {@link #MIN_FUNCTIONS_BYTES})
     * @throws CommandFailedException when the download or the push fails, with curl's message
     */
    public void fetch(int vmid, String url, String destination, String perms, int minBytes) {
        URI u = URI.create(Objects.requireNonNull(url, "url"));
        String scheme = Optional.ofNullable(u.getScheme()).orElse("");
        if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
            throw new ProxmoxException("script URL '" + url + "' must be https://host/... (or http:// on a trusted"
                    + " network)");
        }
        stageCommand(vmid, destination, perms, url, scheme.equals("https") ? "=https" : "=http,https", minBytes, null);
    }

    /**
     * Stages a repository file from a script source: fetched on the node for a URL source, read on
     * this machine and pushed for a local checkout ({@code --scripts-dir}).
     *
     * @param vmid the running container
     * @param source where the scripts come from
     * @param relative the repository path, e.g. {@code install/jellyfin-install.sh}
     * @param destination an absolute path in the container
     * @param perms the file mode in octal
     * @param minBytes the least the file must have
     * @throws ProxmoxException when a local file is missing, a symbolic link or larger than 4 MiB
     * @throws CommandFailedException when the node cannot fetch or push it
     */
    public void stage(int vmid, ScriptSource source, String relative, String destination, String perms, int minBytes) {
        Optional<String> url = source.url(relative);
        if (url.isPresent()) {
            fetch(vmid, url.get(), destination, perms, minBytes);
            return;
        }
        byte[] b = readLocal(source.file(relative).orElseThrow());
        if (b.length < minBytes) {
            throw new ProxmoxException(source.location(relative) + " has " + b.length + " bytes, fewer than the "
                    + minBytes + " expected");
        }
        push(vmid, b, destination, perms);
    }

    /**
     * Reads a script of a local checkout (not following a symbolic link, at most 4 MiB).
     *
     * @param file the file
     * @return its bytes
     */
    static byte[] readLocal(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ProxmoxException("script " + file + " does not exist or is not a regular file");
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] b = in.readNBytes(MAX_BYTES + 1);
                if (b.length > MAX_BYTES) {
                    throw new ProxmoxException("script " + file + " is larger than 4 MiB");
                }
                return b;
            }
        } catch (IOException e) {
            throw new ProxmoxException("cannot read script " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a staged script in the container with {@code bash}, as build.func's
     * {@code lxc-attach -n <vmid> -- bash -c "<script>"}: standard input is empty (unattended), the
     * environment comes from a private file (see the class description), {@code FUNCTIONS_FILE_PATH}
     * from the staged functions file. The script, the functions file and the environment file are
     * removed afterwards. A non-zero result is returned, not thrown.
     *
     * @param vmid the running container
     * @param script the staged script's path in the container
     * @param functionsFile the staged functions file's path, or empty for none
     * @param environment names ({@code [A-Za-z_][A-Za-z0-9_]*}) and values; may hold secrets
     * @return how it ended, with its output
     */
    public ExecResult run(int vmid, String script, Optional<String> functionsFile, Map<String, String> environment) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        environment.forEach((k, v) -> {
            if (!ENV_NAME.matcher(k).matches()) {
                throw new IllegalArgumentException("environment variable name '" + k
                        + "' must match [A-Za-z_][A-Za-z0-9_]*");
            }
            (isSecret(k) ? secret : plain).put(k, Objects.requireNonNull(v, k));
        });
        String envFile = "";
        if (!secret.isEmpty()) {
            envFile = script + ".env";
            push(vmid, environmentFile(secret), envFile, "0600");
        }
        List<String> argv = new ArrayList<>(List.of("exec", Integer.toString(vmid), "--"));
        if (!plain.isEmpty()) {
            argv.add("env");
            plain.forEach((k, v) -> argv.add(k + "=" + v));
        }
        argv.addAll(List.of("bash", "-c", RUN, "bash", envFile, functionsFile.orElse(""), script));
        return node.exec(RemoteCommand.wrap("pct", argv, List.of())
                .sensitive("pct exec " + vmid + " -- env ... bash " + script), deadline, listener);
    }

    /**
     * Whether a variable is kept off command lines.
     *
     * @param name a variable name
     * @return true for {@code PASSWORD}, {@code GITHUB_TOKEN} and names containing
     *     {@code PASSWORD}, {@code TOKEN}, {@code SECRET} or {@code PASSPHRASE}
     */
    public static boolean isSecret(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return n.contains("PASSWORD") || n.contains("TOKEN") || n.contains("SECRET") || n.contains("PASSPHRASE");
    }

    /**
     * The environment file: one {@code export NAME='value'} line per variable, each value quoted
     * with {@link Shell#quote(String)}.
     *
     * @param environment names and values
     * @return the file's bytes
     */
    static byte[] environmentFile(Map<String, String> environment) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("environment variable name '" + e.getKey()
                        + "' must match [A-Za-z_][A-Za-z0-9_]*");
            }
            b.append("export ").append(e.getKey()).append('=')
                    .append(Shell.quote(Objects.requireNonNull(e.getValue(), e.getKey()))).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void stageCommand(int vmid, String destination, String perms, String url, String proto, int minBytes,
            byte[] input) {
        if (!destination.startsWith("/") || destination.contains("..")) {
            throw new IllegalArgumentException("destination '" + destination + "' must be an absolute path without ..");
        }
        if (!PERMS.matcher(perms).matches()) {
            throw new IllegalArgumentException("perms '" + perms + "' must be an octal mode such as 0600");
        }
        RemoteCommand c = RemoteCommand.script(STAGE, Integer.toString(vmid), destination, perms, url, proto,
                Integer.toString(Math.max(0, minBytes)), Integer.toString(MAX_BYTES));
        if (input != null) {
            c = c.withInput(input);
        }
        node.exec(c, deadline, listener).requireSuccess();
    }
}
