package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.ContainerSetup;
import io.github.proxmoxlxc.core.provision.ContainerSetupContext;
import io.github.proxmoxlxc.core.spec.OsType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The steps {@code build.func} runs in a new container once it runs and has an address, over the
 * SSH connection to its node ({@code pct exec} / {@code pct push}): wait for DNS, timezone, APT
 * cacher and HTTP proxy, package index update and base packages (apt or apk by OS), root's
 * authorized SSH key, an install script with build.func's environment, and the post-install hook on
 * the node. Each enabled step is a progress event with its timing; a failing step throws with the
 * last lines of its output, and the provision rolls back or keeps the container.
 *
 * <pre>{@code
 * ProvisionOptions.builder()
 *         .addContainerSetup(InContainerSetup.builder(nodes).waitForDns(Duration.ofSeconds(60))
 *                 .timezone("Europe/Berlin").installScript(InstallScript.file(script)).build())
 *         .build();
 * }</pre>
 */
public final class InContainerSetup implements ContainerSetup {
    private static final Pattern TZ = Pattern.compile("[A-Za-z0-9_+\\-]+(/[A-Za-z0-9_+\\-]+)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.\\-]*");

    private final Function<String, NodeConnection> nodes;
    private final Duration dnsWait;
    private final String dnsName;
    private final String timezone;
    private final String aptCacher;
    private final String httpProxy;
    private final String noProxy;
    private final boolean updatePackages;
    private final List<String> packages;
    private final String authorizedKey;
    private final InstallScript install;
    private final String postInstall;
    private final Map<String, String> environment;
    private final Duration stepTimeout;
    private final Path logDirectory;
    private final OutputListener listener;

    private InContainerSetup(Builder b) {
        this.nodes = b.nodes;
        this.dnsWait = b.dnsWait;
        this.dnsName = b.dnsName;
        this.timezone = b.timezone;
        this.aptCacher = b.aptCacher;
        this.httpProxy = b.httpProxy;
        this.noProxy = b.noProxy;
        this.updatePackages = b.updatePackages;
        this.packages = List.copyOf(b.packages);
        this.authorizedKey = b.authorizedKey;
        this.install = b.install;
        this.postInstall = b.postInstall;
        this.environment = Map.copyOf(b.environment);
        this.stepTimeout = b.stepTimeout;
        this.logDirectory = b.logDirectory;
        this.listener = b.listener;
    }

    /**
     * A builder for containers on one node.
     *
     * @param connection the SSH connection to the node (as root)
     * @return the builder
     */
    public static Builder builder(NodeConnection connection) {
        Objects.requireNonNull(connection, "connection");
        return new Builder(n -> connection);
    }

    /**
     * A builder for a cluster: the connection for each node name.
     *
     * @param nodes node name to connection (throw a clear error for an unknown node)
     * @return the builder
     */
    public static Builder builder(Function<String, NodeConnection> nodes) {
        return new Builder(Objects.requireNonNull(nodes, "nodes"));
    }

    @Override
    public void run(ContainerSetupContext ctx) {
        NodeConnection node = nodes.apply(ctx.node());
        String vmid = Integer.toString(ctx.vmid());
        boolean alpine = ctx.spec().osType().map(o -> o == OsType.ALPINE).orElse(false);
        if (dnsWait != null) {
            step(ctx, "dns", () -> inCt(node, vmid, List.of("sh", "-c",
                    "i=0; while [ \"$i\" -lt \"$1\" ]; do getent hosts \"$2\" >/dev/null 2>&1 && exit 0; "
                            + "nslookup \"$2\" >/dev/null 2>&1 && exit 0; i=$((i+1)); sleep 1; done; "
                            + "echo \"no DNS answer for $2 after $1 s\" >&2; exit 1",
                    "sh", Long.toString(Math.max(1, dnsWait.toSeconds())), dnsName), dnsWait.plusSeconds(30)));
        }
        if (timezone != null) {
            step(ctx, "timezone", () -> inCt(node, vmid, List.of("sh", "-c",
                    "[ -e \"/usr/share/zoneinfo/$1\" ] || { echo \"unknown timezone $1\" >&2; exit 1; }; "
                            + "ln -sf \"/usr/share/zoneinfo/$1\" /etc/localtime && printf '%s\\n' \"$1\" > /etc/timezone",
                    "sh", timezone), stepTimeout));
        }
        if (aptCacher != null && !alpine) {
            step(ctx, "apt-cacher", () -> inCt(node, vmid, List.of("sh", "-c",
                    "printf 'Acquire::http::Proxy \"%s\";\\n' \"$1\" > /etc/apt/apt.conf.d/00aptproxy", "sh", aptCacher),
                    stepTimeout));
        }
        if (updatePackages || !packages.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("sh", "-c", alpine
                    ? "apk update && if [ $# -gt 0 ]; then apk add --no-cache \"$@\"; fi"
                    : "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && "
                            + "if [ $# -gt 0 ]; then apt-get install -y -q \"$@\"; fi", "sh"));
            argv.addAll(packages);
            step(ctx, "packages", () -> inCt(node, vmid, argv, proxyEnv(), stepTimeout));
        }
        if (authorizedKey != null) {
            step(ctx, "ssh-key", () -> inCt(node, vmid, List.of("sh", "-c",
                    "umask 077; mkdir -p /root/.ssh; touch /root/.ssh/authorized_keys; "
                            + "grep -qxF -- \"$1\" /root/.ssh/authorized_keys || printf '%s\\n' \"$1\" >> /root/.ssh/authorized_keys",
                    "sh", authorizedKey), stepTimeout));
        }
        if (install != null) {
            step(ctx, "install " + install.name(), () -> runInstall(ctx, node, vmid));
        }
        if (postInstall != null) {
            Map<String, String> env = new LinkedHashMap<>();
            String app = environment.getOrDefault("APPLICATION", ctx.spec().hostname().orElse(""));
            env.put("APP", app);
            env.put("NSAPP", app.toLowerCase(Locale.ROOT).replace(" ", ""));
            env.put("CTID", vmid);
            env.put("IP", ctx.addresses().isEmpty() ? "" : ctx.addresses().get(0).split("/")[0]);
            env.put("HN", ctx.spec().hostname().orElse(""));
            env.put("BRG", ctx.spec().networks().isEmpty() ? "" : ctx.spec().networks().values().iterator().next()
                    .bridge().orElse(""));
            step(ctx, "post-install", () -> node.exec(RemoteCommand.of("bash", postInstall).withEnv(env), stepTimeout,
                    listener).requireSuccess());
        }
        if (!ctx.addresses().isEmpty()) {
            ctx.access("ip", ctx.addresses().get(0).split("/")[0]);
        }
    }

    private void runInstall(ContainerSetupContext ctx, NodeConnection node, String vmid) {
        String inside = "/root/.proxmox-lxc-install.sh";
        RemoteCommand stage;
        String fetchOrWrite = "set -eu; tmp=$(mktemp /tmp/proxmox-lxc-install.XXXXXX); trap 'rm -f \"$tmp\"' EXIT; "
                + "if [ -n \"$3\" ]; then curl -fsSL --proto =https --max-time 300 -o \"$tmp\" \"$3\"; "
                + "else cat > \"$tmp\"; fi; pct push \"$1\" \"$tmp\" \"$2\" --perms 0700";
        if (install.url().isPresent()) {
            stage = RemoteCommand.script(fetchOrWrite, vmid, inside, install.url().get());
        } else {
            stage = RemoteCommand.script(fetchOrWrite, vmid, inside, "").withInput(install.content());
        }
        node.exec(stage, stepTimeout, listener).requireSuccess();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CTID", vmid);
        ctx.spec().osType().ifPresent(o -> env.put("PCT_OSTYPE", o.toString().toLowerCase(Locale.ROOT)));
        env.putAll(proxyEnv());
        if (timezone != null) {
            env.put("tz", timezone);
        }
        env.putAll(environment);
        env.putAll(install.environment());
        StringBuilder log = new StringBuilder();
        OutputListener tee = new OutputListener() {
            @Override
            public void stdout(String line) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
                listener.stdout(line);
            }

            @Override
            public void stderr(String line) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
                listener.stderr(line);
            }
        };
        // the environment goes inside the container: pct exec does not forward the node's
        List<String> argv = new ArrayList<>(List.of("exec", vmid, "--", "env"));
        env.forEach((k, v) -> argv.add(k + "=" + v));
        argv.add("bash");
        argv.add(inside);
        ExecResult r = node.exec(RemoteCommand.wrap("pct", argv, List.of()).sensitive("pct exec " + vmid + " -- env … bash " + inside),
                stepTimeout, tee);
        if (logDirectory != null) {
            try {
                Files.createDirectories(logDirectory);
                Path f = logDirectory.resolve("install-" + vmid + ".log");
                Files.writeString(f, log.toString(), StandardCharsets.UTF_8);
                ctx.access("installLog", f.toString());
            } catch (IOException e) {
                ctx.warn("could not keep the install log in " + logDirectory + ": " + e.getMessage());
            }
        }
        r.requireSuccess();
    }

    private Map<String, String> proxyEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        if (httpProxy != null) {
            env.put("http_proxy", httpProxy);
            env.put("https_proxy", httpProxy);
            env.put("HTTP_PROXY", httpProxy);
            env.put("HTTPS_PROXY", httpProxy);
        }
        if (noProxy != null) {
            env.put("no_proxy", noProxy);
            env.put("NO_PROXY", noProxy);
        }
        if (aptCacher != null) {
            env.put("CACHER", "yes");
            env.put("CACHER_IP", aptCacher.replaceFirst("^https?://", "").replaceFirst(":.*$", ""));
        }
        return env;
    }

    private ExecResult inCt(NodeConnection node, String vmid, List<String> argv, Duration deadline) {
        return inCt(node, vmid, argv, Map.of(), deadline);
    }

    private ExecResult inCt(NodeConnection node, String vmid, List<String> argv, Map<String, String> env,
            Duration deadline) {
        List<String> outer = new ArrayList<>(List.of("exec", vmid, "--"));
        if (!env.isEmpty()) {
            outer.add("env");
            env.forEach((k, v) -> outer.add(k + "=" + v));
        }
        return node.exec(RemoteCommand.wrap("pct", outer, argv), deadline, listener).requireSuccess();
    }

    private static void step(ContainerSetupContext ctx, String name, Runnable body) {
        long t0 = System.nanoTime();
        ctx.progress(name + ": started");
        try {
            body.run();
        } catch (CommandFailedException e) {
            throw new CommandFailedException(name + " failed in container " + ctx.vmid() + " (exit status "
                    + e.exitStatus() + "); last lines:\n  " + String.join("\n  ", e.outputTail()), e.exitStatus(),
                    e.outputTail());
        }
        ctx.progress(name + ": done in " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
    }

    /** Builds an {@link InContainerSetup}; every step is off until set. */
    public static final class Builder {
        private final Function<String, NodeConnection> nodes;
        private Duration dnsWait;
        private String dnsName = "deb.debian.org";
        private String timezone;
        private String aptCacher;
        private String httpProxy;
        private String noProxy;
        private boolean updatePackages;
        private final List<String> packages = new ArrayList<>();
        private String authorizedKey;
        private InstallScript install;
        private String postInstall;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration stepTimeout = Duration.ofMinutes(30);
        private Path logDirectory;
        private OutputListener listener = OutputListener.none();

        private Builder(Function<String, NodeConnection> nodes) {
            this.nodes = nodes;
        }

        /**
         * Waits until a name resolves in the container.
         *
         * @param wait the most to wait
         * @return this builder
         */
        public Builder waitForDns(Duration wait) {
            this.dnsWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /**
         * The name the DNS wait resolves (default {@code deb.debian.org}).
         *
         * @param name a host name
         * @return this builder
         */
        public Builder dnsName(String name) {
            this.dnsName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the timezone ({@code var_timezone}), e.g. {@code Europe/Berlin}.
         *
         * @param tz an IANA zone name
         * @return this builder
         */
        public Builder timezone(String tz) {
            if (!TZ.matcher(tz).matches() || tz.contains("..")) {
                throw new ProxmoxException("timezone '" + tz + "' is not an IANA zone name such as Europe/Berlin");
            }
            this.timezone = tz;
            return this;
        }

        /**
         * An APT cacher ({@code var_apt_cacher=yes} with {@code var_apt_cacher_ip}), e.g. {@code http://10.0.0.2:3142}.
         *
         * @param url the cacher URL
         * @return this builder
         */
        public Builder aptCacher(String url) {
            this.aptCacher = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * An HTTP proxy for package and install steps ({@code var_http_proxy}, {@code var_http_no_proxy}).
         *
         * @param proxy the proxy URL
         * @param noProxyList the no-proxy list, or empty
         * @return this builder
         */
        public Builder httpProxy(String proxy, String noProxyList) {
            this.httpProxy = Objects.requireNonNull(proxy, "proxy");
            this.noProxy = noProxyList == null || noProxyList.isEmpty() ? null : noProxyList;
            return this;
        }

        /**
         * Updates the package index, and installs these packages (apt or apk by the container's OS).
         *
         * @param basePackages package names, possibly none
         * @return this builder
         */
        public Builder updatePackages(List<String> basePackages) {
            for (String p : basePackages) {
                if (!PACKAGE.matcher(p).matches()) {
                    throw new ProxmoxException("package name '" + p + "' is not valid");
                }
            }
            this.updatePackages = true;
            this.packages.addAll(basePackages);
            return this;
        }

        /**
         * Adds a public key to root's authorized_keys ({@code var_ssh=yes}, {@code var_ssh_authorized_key}).
         *
         * @param publicKey one OpenSSH public key line
         * @return this builder
         */
        public Builder authorizedKey(String publicKey) {
            if (publicKey.contains("\n")) {
                throw new ProxmoxException("the authorized key must be a single line");
            }
            this.authorizedKey = publicKey.strip();
            return this;
        }

        /**
         * Runs an install script in the container.
         *
         * @param script the script and its environment
         * @return this builder
         */
        public Builder installScript(InstallScript script) {
            this.install = Objects.requireNonNull(script, "script");
            return this;
        }

        /**
         * Runs {@code bash <path>} on the node after the install ({@code var_post_install}), with
         * {@code APP NSAPP CTID IP HN BRG} in its environment.
         *
         * @param nodePath an absolute path on the node
         * @return this builder
         */
        public Builder postInstallHook(String nodePath) {
            if (!nodePath.startsWith("/")) {
                throw new ProxmoxException("var_post_install '" + nodePath + "' must be an absolute path on the node");
            }
            this.postInstall = nodePath;
            return this;
        }

        /**
         * Environment for the install script, as build.func exports it ({@code APPLICATION},
         * {@code PASSWORD}, {@code SSH_ROOT}, {@code ENABLE_FUSE}, {@code ENABLE_TUN}, {@code ENABLE_GPU},
         * {@code PCT_OSVERSION}, ...). Values are hidden in logs.
         *
         * @param env names and values
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.environment.putAll(env);
            return this;
        }

        /**
         * The deadline of each step (default 30 min).
         *
         * @param timeout the deadline
         * @return this builder
         */
        public Builder stepTimeout(Duration timeout) {
            this.stepTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Keeps the install script's output as {@code install-<vmid>.log} in this local directory.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder keepLogsIn(Path directory) {
            this.logDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Streams the steps' output lines here as well.
         *
         * @param l the listener
         * @return this builder
         */
        public Builder output(OutputListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /**
         * Builds the setup.
         *
         * @return the setup
         */
        public InContainerSetup build() {
            return new InContainerSetup(this);
        }
    }
}
