package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.apps.App;
import io.github.proxmoxlxc.core.apps.AppAccess;
import io.github.proxmoxlxc.core.apps.AppInstall;
import io.github.proxmoxlxc.core.apps.InstallEnvironment;
import io.github.proxmoxlxc.core.apps.ScriptSource;
import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The steps {@code build.func} runs in a new container once it runs and has an address, over the
 * SSH connection to its node ({@code pct exec} / {@code pct push}), in build.func's order: wait for
 * DNS, HTTP proxy ({@code /etc/profile.d/90-http-proxy.sh} and APT's {@code 95http-proxy}), host CA
 * certificates, locale and timezone, APT cacher, package index update and base packages (apt or apk
 * by OS), root's authorized SSH key and root login, an install script with build.func's
 * environment and {@code FUNCTIONS_FILE_PATH}, and the post-install hook on the node. Each enabled
 * step is a progress event with its timing ({@code <step>: done in <n> ms}); a failing step throws
 * with the last lines of its output, and the provision rolls back or keeps the container. The
 * proxy, host-CA, locale, timezone and post-install steps only warn on failure, as build.func does.
 *
 * <p>{@link #fromConfig(ResolvedConfig, Function)} maps the resolved {@code var_*} keys to these
 * steps the way build.func does; {@link Builder#app(App, String, ScriptSource)} adds a catalogue
 * app's install script.
 *
 * <pre>{@code
 * ProvisionOptions.builder()
 *         .addContainerSetup(InContainerSetup.fromConfig(resolved, nodes)
 *                 .app(AppCatalogue.bundled().get("jellyfin"), "default", ScriptSource.communityScripts())
 *                 .build())
 *         .build();
 * }</pre>
 */
public final class InContainerSetup implements ContainerSetup {
    private static final Pattern TZ = Pattern.compile("[A-Za-z0-9_+\\-]+(/[A-Za-z0-9_+\\-]+)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.\\-]*");
    private static final Pattern LANG = Pattern.compile("[A-Za-z0-9_.@\\-]+");
    private static final Pattern PROXY = Pattern.compile("https?://[^\\s\"';\\\\]+");
    /** build.func's base packages for Debian and Ubuntu ({@code apt-get install -y}). */
    public static final List<String> DEBIAN_BASE_PACKAGES = List.of("sudo", "curl", "mc", "gnupg2", "jq");
    /** build.func's base packages for Alpine ({@code apk add}). */
    public static final List<String> ALPINE_BASE_PACKAGES = List.of("bash", "newt", "curl", "openssh", "nano", "mc",
            "ncurses", "jq");
    /** Where the node keeps the CA certificates an administrator added (the Debian convention). */
    public static final String HOST_CA_DIRECTORY = "/usr/local/share/ca-certificates";
    private static final String SCRIPT_IN_CT = "/root/.proxmox-lxc-install.sh";
    private static final String FUNCS_IN_CT = "/root/.proxmox-lxc-install.func";

    private static final String DNS = "i=0; while [ \"$i\" -lt \"$1\" ]; do getent hosts \"$2\" >/dev/null 2>&1 && exit 0; "
            + "nslookup \"$2\" >/dev/null 2>&1 && exit 0; i=$((i+1)); sleep 1; done; "
            + "echo \"no DNS answer for $2 after $1 s\" >&2; exit 1";
    private static final String NODE_FACTS = "tz=$(timedatectl show --value --property=Timezone 2>/dev/null || :); "
            + "[ -n \"$tz\" ] || tz=$(cat /etc/timezone 2>/dev/null || :); [ -n \"$tz\" ] || tz=UTC; echo \"$tz\"; "
            + "dpkg --print-architecture 2>/dev/null || uname -m";
    private static final String TIMEZONE = "if [ ! -e \"/usr/share/zoneinfo/$1\" ]; then "
            + "echo \"zone $1 not found in the container: timezone left as it is\"; exit 0; fi; "
            + "ln -sf \"/usr/share/zoneinfo/$1\" /etc/localtime && printf '%s\\n' \"$1\" > /etc/timezone";
    private static final String LOCALE = String.join("\n",
            "lang=$1",
            "if [ ! -f /etc/locale.gen ]; then echo 'no /etc/locale.gen: locale left as it is'; exit 0; fi",
            "esc=$(printf '%s' \"$lang\" | sed 's/[].[*^$/\\\\]/\\\\&/g')",
            "sed -i \"/$esc/ s/^# //\" /etc/locale.gen",
            "line=$(grep -v '^#' /etc/locale.gen | grep -E '^[a-zA-Z]' | awk '{print $1}' | head -n 1)",
            "if [ -z \"$line\" ]; then echo \"no locale enabled in /etc/locale.gen\" >&2; exit 1; fi",
            "mkdir -p /etc/default && echo \"LANG=$line\" > /etc/default/locale",
            "if command -v locale-gen >/dev/null 2>&1; then locale-gen >/dev/null; fi");
    private static final String CACHER_REACHABLE = "curl -s --connect-timeout 2 -o /dev/null \"$1\"";
    private static final String HOST_CA = String.join("\n",
            "set -u",
            "vmid=$1; dir=$2",
            "found=0; copied=0; skipped=0",
            "for c in \"$dir\"/*.crt; do",
            "  [ -e \"$c\" ] || continue",
            "  found=$((found+1))",
            "  if [ $found -eq 1 ]; then pct exec \"$vmid\" -- mkdir -p /usr/local/share/ca-certificates || {"
                    + " echo 'could not create /usr/local/share/ca-certificates in the container' >&2; exit 1; }; fi",
            "  name=$(basename \"$c\")",
            "  if [ -f \"$c\" ] && [ -r \"$c\" ] && pct push \"$vmid\" \"$c\" \"/usr/local/share/ca-certificates/$name\""
                    + " --perms 0644; then copied=$((copied+1)); else echo \"skipped $name\" >&2;"
                    + " skipped=$((skipped+1)); fi",
            "done",
            "echo \"found=$found copied=$copied skipped=$skipped\"");
    private static final String UPDATE_CA = "command -v update-ca-certificates >/dev/null 2>&1 && update-ca-certificates";
    private static final String PACKAGES_APT = "set -a; [ -f /etc/profile.d/90-http-proxy.sh ] && "
            + ". /etc/profile.d/90-http-proxy.sh; set +a; export DEBIAN_FRONTEND=noninteractive; apt-get update -q && "
            + "if [ $# -gt 0 ]; then apt-get install -y -q \"$@\"; fi";
    private static final String PACKAGES_APK = "set -a; [ -f /etc/profile.d/90-http-proxy.sh ] && "
            + ". /etc/profile.d/90-http-proxy.sh; set +a; if [ -n \"$1\" ]; then printf '%s/main\\n%s/community\\n' "
            + "\"$1\" \"$1\" > /etc/apk/repositories; fi; shift; apk update && if [ $# -gt 0 ]; then apk add \"$@\"; fi";
    private static final String SSH_KEY = "umask 077; mkdir -p /root/.ssh; chmod 700 /root/.ssh; "
            + "touch /root/.ssh/authorized_keys; chmod 600 /root/.ssh/authorized_keys; "
            + "grep -qxF -- \"$1\" /root/.ssh/authorized_keys || printf '%s\\n' \"$1\" >> /root/.ssh/authorized_keys";
    private static final String ROOT_LOGIN = "f=/etc/ssh/sshd_config; if [ ! -f \"$f\" ]; then "
            + "echo 'no /etc/ssh/sshd_config: root login left as it is'; exit 0; fi; "
            + "sed -i 's/^#\\{0,1\\}PermitRootLogin .*/PermitRootLogin yes/' \"$f\"; "
            + "grep -q '^PermitRootLogin yes' \"$f\" || echo 'PermitRootLogin yes' >> \"$f\"; "
            + "(systemctl restart sshd 2>/dev/null || systemctl restart ssh 2>/dev/null || rc-service sshd restart"
            + " 2>/dev/null) || echo 'sshd not restarted: the change applies at its next start'";

    private final Function<String, NodeConnection> nodes;
    private final ResolvedConfig config;
    private final Duration dnsWait;
    private final String dnsName;
    private final String timezone;
    private final boolean nodeTimezone;
    private final String locale;
    private final String aptCacher;
    private final String httpProxy;
    private final String noProxy;
    private final String hostCaDirectory;
    private final boolean updatePackages;
    private final boolean basePackages;
    private final List<String> packages;
    private final String alpineRepository;
    private final String authorizedKey;
    private final boolean rootLogin;
    private final InstallScript install;
    private final App app;
    private final String variant;
    private final ScriptSource appSource;
    private final UUID runId;
    private final String postInstall;
    private final Map<String, String> environment;
    private final Duration stepTimeout;
    private final Path logDirectory;
    private final OutputListener listener;

    private InContainerSetup(Builder b) {
        this.nodes = b.nodes;
        this.config = b.config;
        this.dnsWait = b.dnsWait;
        this.dnsName = b.dnsName;
        this.timezone = b.timezone;
        this.nodeTimezone = b.nodeTimezone;
        this.locale = b.locale;
        this.aptCacher = b.aptCacher;
        this.httpProxy = b.httpProxy;
        this.noProxy = b.noProxy;
        this.hostCaDirectory = b.hostCaDirectory;
        this.updatePackages = b.updatePackages;
        this.basePackages = b.basePackages;
        this.packages = List.copyOf(b.packages);
        this.alpineRepository = b.alpineRepository;
        this.authorizedKey = b.authorizedKey;
        this.rootLogin = b.rootLogin;
        this.install = b.install;
        this.app = b.app;
        this.variant = b.variant;
        this.appSource = b.appSource;
        this.runId = b.runId;
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

    /**
     * A builder with the steps the resolved {@code var_*} keys ask for, as build.func runs them:
     * <ul>
     * <li>always: wait for DNS (60 s), locale {@code en_US.UTF-8} and the timezone (not on alpine),
     * package index update and build.func's base packages;</li>
     * <li>{@code var_timezone}: the zone written to {@code /etc/localtime} and {@code /etc/timezone}
     * ({@code host}, empty or {@code Etc/*}: the node's zone, {@code Etc/*} as {@code UTC});</li>
     * <li>{@code var_http_proxy}, {@code var_http_no_proxy} (default
     * {@code localhost,127.0.0.1,.local}): the proxy profile and APT proxy;</li>
     * <li>{@code var_apt_cacher=yes} with {@code var_apt_cacher_ip} (a host gets {@code :3142}):
     * APT's proxy, after the node checked the cacher answers (else a warning and no cacher, as
     * build.func does);</li>
     * <li>{@code var_inherit_host_ca=yes}: the node's {@value #HOST_CA_DIRECTORY}{@code /*.crt}
     * copied in and {@code update-ca-certificates};</li>
     * <li>{@code var_ssh=yes}: {@code var_ssh_authorized_key} in root's authorized_keys, and root
     * login allowed when no install script does it;</li>
     * <li>{@code var_post_install}: the hook run on the node;</li>
     * <li>the install script's environment (reference §1b), built by
     * {@link InstallEnvironment}: {@code var_pw} as {@code PASSWORD}, {@code var_verbose} as
     * {@code VERBOSE}, {@code var_github_token} as {@code GITHUB_TOKEN}, the node's zone as
     * {@code tz}, and the others.</li>
     * </ul>
     * Add the install script ({@link Builder#app} or {@link Builder#installScript}) and adjust
     * steps on the returned builder.
     *
     * @param config the resolved configuration the container is created from
     * @param nodes node name to connection
     * @return the builder
     * @throws ProxmoxException when a value cannot be used (named with its key)
     */
    public static Builder fromConfig(ResolvedConfig config, Function<String, NodeConnection> nodes) {
        Objects.requireNonNull(config, "config");
        Builder b = builder(nodes);
        b.config = config;
        b.waitForDns(Duration.ofSeconds(60));
        b.locale("en_US.UTF-8");
        String tz = config.value("var_timezone").orElse("");
        if (tz.isEmpty() || tz.equals("host")) {
            b.timezoneOfNode();
        } else if (tz.startsWith("Etc/")) {
            b.timezone("UTC");
        } else {
            b.timezone(tz);
        }
        config.value("var_http_proxy").filter(p -> !p.isBlank()).ifPresent(p -> b.httpProxy(p,
                config.value("var_http_no_proxy").filter(n -> !n.isBlank()).orElse("")));
        if ("yes".equals(config.value("var_apt_cacher").orElse(""))) {
            String ip = config.value("var_apt_cacher_ip").orElse("");
            if (!ip.isBlank()) {
                b.aptCacher(cacherUrl(ip));
            }
        }
        if (config.bool("var_inherit_host_ca").orElse(false)) {
            b.inheritHostCa(HOST_CA_DIRECTORY);
        }
        b.basePackages();
        if ("yes".equals(config.value("var_ssh").orElse(""))) {
            config.value("var_ssh_authorized_key").filter(k -> !k.isBlank()).ifPresent(b::authorizedKey);
            b.rootLogin = true;
        }
        config.value("var_post_install").filter(p -> !p.isBlank()).ifPresent(b::postInstallHook);
        return b;
    }

    private static Optional<OsType> osType(String varOs) {
        for (OsType t : OsType.values()) {
            if (t.wireName().equalsIgnoreCase(varOs)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The APT cacher URL build.func derives from {@code var_apt_cacher_ip}: a URL as it is, a host
     * (or {@code host:port}) as {@code http://host:3142}.
     *
     * @param value the key's value
     * @return the URL
     */
    static String cacherUrl(String value) {
        String v = value.strip();
        if (v.startsWith("http://") || v.startsWith("https://")) {
            return v;
        }
        return "http://" + v + (v.contains(":") ? "" : ":3142");
    }

    @Override
    public void run(ContainerSetupContext ctx) {
        NodeConnection node = nodes.apply(ctx.node());
        String vmid = Integer.toString(ctx.vmid());
        OsType os = ctx.spec().osType().or(() -> config == null ? Optional.empty()
                : config.value("var_os").flatMap(InContainerSetup::osType)).orElse(OsType.DEBIAN);
        boolean alpine = os == OsType.ALPINE;
        ContainerScripts scripts = ContainerScripts.on(node, stepTimeout, listener);
        String[] facts = null;
        if (nodeTimezone || install != null || app != null) {
            facts = node.exec(RemoteCommand.script(NODE_FACTS), stepTimeout, OutputListener.none()).requireSuccess()
                    .stdout().strip().split("\\s+");
        }
        String nodeTz = facts != null && facts.length > 0 ? facts[0] : "UTC";
        String arch = facts != null && facts.length > 1 ? facts[1] : "amd64";
        if (dnsWait != null) {
            step(ctx, "dns", () -> inCt(node, vmid, List.of("sh", "-c", DNS, "sh",
                    Long.toString(Math.max(1, dnsWait.toSeconds())), dnsName), dnsWait.plusSeconds(30)));
        }
        boolean cacher = aptCacher != null;
        if (cacher) {
            cacher = node.exec(RemoteCommand.script(CACHER_REACHABLE, aptCacher), Duration.ofSeconds(30),
                    OutputListener.none()).success();
            if (!cacher) {
                ctx.warn("APT cacher " + aptCacher + " does not answer from node " + ctx.node()
                        + ": installing without it (as build.func does)");
            }
        }
        if (httpProxy != null) {
            boolean aptProxy = !alpine && !cacher;
            tolerant(ctx, "http-proxy", () -> {
                scripts.push(ctx.vmid(), proxyProfile(), "/etc/profile.d/90-http-proxy.sh", "0644");
                if (aptProxy) {
                    scripts.push(ctx.vmid(), ("Acquire::http::Proxy \"" + httpProxy + "\";\nAcquire::https::Proxy \""
                            + httpProxy + "\";\n").getBytes(StandardCharsets.UTF_8), "/etc/apt/apt.conf.d/95http-proxy",
                            "0644");
                }
            });
        }
        if (hostCaDirectory != null) {
            tolerant(ctx, "host-ca", () -> hostCa(ctx, node, vmid, alpine));
        }
        if (!alpine && locale != null) {
            tolerant(ctx, "locale", () -> inCt(node, vmid, List.of("sh", "-c", LOCALE, "sh", locale), stepTimeout));
        }
        String zone = timezone != null ? timezone : nodeTimezone ? (nodeTz.startsWith("Etc/") ? "UTC" : nodeTz) : null;
        if (!alpine && zone != null && TZ.matcher(zone).matches() && !zone.contains("..")) {
            tolerant(ctx, "timezone", () -> inCt(node, vmid, List.of("sh", "-c", TIMEZONE, "sh", zone), stepTimeout));
        }
        if (cacher && !alpine && httpProxy == null) {
            step(ctx, "apt-cacher", () -> scripts.push(ctx.vmid(), ("Acquire::http::Proxy \"" + aptCacher + "\";\n")
                    .getBytes(StandardCharsets.UTF_8), "/etc/apt/apt.conf.d/00aptproxy", "0644"));
        }
        if (updatePackages || basePackages || !packages.isEmpty()) {
            List<String> all = new ArrayList<>();
            if (basePackages) {
                all.addAll(alpine ? ALPINE_BASE_PACKAGES : DEBIAN_BASE_PACKAGES);
            }
            packages.stream().filter(p -> !all.contains(p)).forEach(all::add);
            List<String> argv = new ArrayList<>(alpine
                    ? List.of("sh", "-c", PACKAGES_APK, "sh", basePackages ? alpineRepository : "")
                    : List.of("sh", "-c", PACKAGES_APT, "sh"));
            argv.addAll(all);
            step(ctx, "packages", () -> inCt(node, vmid, argv, stepTimeout));
        }
        if (authorizedKey != null) {
            step(ctx, "ssh-key", () -> inCt(node, vmid, List.of("sh", "-c", SSH_KEY, "sh", authorizedKey), stepTimeout));
        }
        if (rootLogin && install == null && app == null) {
            step(ctx, "ssh-root", () -> inCt(node, vmid, List.of("sh", "-c", ROOT_LOGIN, "sh"), stepTimeout));
        }
        String address = ctx.addresses().stream().filter(a -> a.indexOf(':') < 0).findFirst()
                .orElse(ctx.addresses().isEmpty() ? "" : ctx.addresses().get(0));
        AppInstall appInstall = null;
        UUID run = runId != null ? runId : UUID.randomUUID();
        if (app != null) {
            AppInstall.Builder ab = AppInstall.builder(app).variant(variant).vmid(ctx.vmid()).scripts(appSource)
                    .hostTimezone(nodeTz).arch(arch).runId(run);
            ResolvedConfig appConfig = config != null ? config
                    : ConfigResolver.builder().app(app.slug()).variant(variant).build().resolve();
            ab.config(appConfig);
            if (!address.isEmpty()) {
                ab.address(address);
            }
            AppInstall ai = ab.build();
            appInstall = ai;
            Map<String, String> env = new LinkedHashMap<>(installEnvironment(ctx, run, nodeTz, arch, cacher)
                    .config(appConfig).application(app.name(), ai.environment().get("app")).build().variables());
            env.putAll(environment);
            InstallScript script = InstallScript.of(appSource, ai.installScript()).withFunctions(appSource);
            step(ctx, "install " + script.name(), () -> runInstall(ctx, node, scripts, script, env, alpine));
        } else if (install != null) {
            // a catalogue app's CTTYPE and PCT_OSTYPE are its resolved var_unprivileged and var_os, as
            // build.func's; another script gets those of the container it runs in
            String name = ctx.spec().hostname().orElse("container");
            Map<String, String> env = new LinkedHashMap<>(installEnvironment(ctx, run, nodeTz, arch, cacher)
                    .application(name).unprivileged(ctx.spec().isUnprivileged()).osType(os.wireName()).build()
                    .variables());
            env.putAll(environment);
            env.putAll(install.environment());
            step(ctx, "install " + install.name(), () -> runInstall(ctx, node, scripts, install, env, alpine));
        }
        if (postInstall != null) {
            Map<String, String> env = new LinkedHashMap<>();
            String name = app != null ? app.name() : environment.getOrDefault("APPLICATION",
                    ctx.spec().hostname().orElse(""));
            env.put("APP", name);
            env.put("NSAPP", app != null ? app.nsapp() : name.toLowerCase(Locale.ROOT).replace(" ", ""));
            env.put("CTID", vmid);
            env.put("IP", address.split("/")[0]);
            env.put("HN", ctx.spec().hostname().orElse(""));
            env.put("BRG", ctx.spec().networks().isEmpty() ? "" : ctx.spec().networks().values().iterator().next()
                    .bridge().orElse(""));
            tolerant(ctx, "post-install", () -> node.exec(RemoteCommand.of("bash", postInstall).withEnv(env),
                    stepTimeout, listener).requireSuccess());
        }
        if (!address.isEmpty()) {
            ctx.access("ip", address.split("/")[0]);
        }
        if (appInstall != null) {
            AppAccess a = appInstall.access();
            a.url().ifPresent(u -> ctx.access("url", u));
            a.username().ifPresent(u -> ctx.access("username", u));
            a.password().ifPresent(p -> ctx.access("password", p));
            a.configPath().ifPresent(p -> ctx.access("config", p));
        }
    }

    private void hostCa(ContainerSetupContext ctx, NodeConnection node, String vmid, boolean alpine) {
        ExecResult r = node.exec(RemoteCommand.script(HOST_CA, vmid, hostCaDirectory), stepTimeout, listener)
                .requireSuccess();
        String summary = r.stdout().strip();
        summary = summary.substring(summary.lastIndexOf('\n') + 1);
        if (summary.startsWith("found=0 ")) {
            ctx.progress("host-ca: no certificates in " + hostCaDirectory + " on node " + ctx.node());
            return;
        }
        if (summary.contains(" copied=0 ")) {
            ctx.warn("no host CA certificate was copied into container " + vmid + " (" + summary + ")");
            return;
        }
        ExecResult u = node.exec(RemoteCommand.wrap("pct", List.of("exec", vmid, "--"),
                List.of(alpine ? "ash" : "sh", "-c", UPDATE_CA)), stepTimeout, listener);
        if (!u.success()) {
            ctx.warn("host CA certificates copied into container " + vmid + " (" + summary
                    + "), but update-ca-certificates failed or is missing there");
        } else {
            ctx.progress("host-ca: " + summary + ", trust store updated");
        }
    }

    private byte[] proxyProfile() {
        String np = noProxy == null ? "localhost,127.0.0.1,.local" : noProxy;
        StringBuilder b = new StringBuilder();
        for (String n : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) {
            b.append("export ").append(n).append('=').append(Shell.quote(httpProxy)).append('\n');
        }
        for (String n : List.of("no_proxy", "NO_PROXY")) {
            b.append("export ").append(n).append('=').append(Shell.quote(np)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * build.func's install environment ({@link InstallEnvironment}, the one place that knows it)
     * with what this node found: its time zone and architecture, whether the APT cacher answered
     * (else {@code CACHER} and {@code CACHER_IP} are empty, as build.func clears them), and the
     * proxy, root login and key this setup applies.
     */
    private InstallEnvironment.Builder installEnvironment(ContainerSetupContext ctx, UUID run, String nodeTz,
            String arch, boolean cacherActive) {
        InstallEnvironment.Builder b = InstallEnvironment.builder().vmid(ctx.vmid()).nodeTimezone(nodeTz).arch(arch)
                .runId(run).sshRoot(rootLogin);
        if (config != null) {
            b.config(config);
        }
        if (aptCacher != null) {
            b.aptCacher(cacherActive ? "yes" : "", cacherActive ? config == null ? aptCacher
                    : config.value("var_apt_cacher_ip").filter(v -> !v.isBlank()).orElse(aptCacher) : "");
        }
        if (httpProxy != null) {
            b.httpProxy(httpProxy, noProxy == null ? "" : noProxy);
        }
        if (authorizedKey != null) {
            b.sshAuthorizedKey(authorizedKey);
        }
        return b;
    }

    private void runInstall(ContainerSetupContext ctx, NodeConnection node, ContainerScripts scripts,
            InstallScript script,
            Map<String, String> env, boolean alpine) {
        if (script.url().isPresent()) {
            scripts.fetch(ctx.vmid(), script.url().get(), SCRIPT_IN_CT, "0700", 1);
        } else {
            scripts.push(ctx.vmid(), script.content(), SCRIPT_IN_CT, "0700");
        }
        Optional<String> funcs = Optional.empty();
        if (script.functions().isPresent()) {
            scripts.stage(ctx.vmid(), script.functions().get(), alpine ? "misc/alpine-install.func" : "misc/install.func",
                    FUNCS_IN_CT, "0600", ContainerScripts.MIN_FUNCTIONS_BYTES);
            funcs = Optional.of(FUNCS_IN_CT);
        }
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
        ExecResult r = ContainerScripts.on(node, stepTimeout, tee).run(ctx.vmid(), SCRIPT_IN_CT, funcs, env);
        if (logDirectory != null) {
            try {
                Files.createDirectories(logDirectory);
                Path f = logDirectory.resolve("install-" + ctx.vmid() + ".log");
                Files.writeString(f, log.toString(), StandardCharsets.UTF_8);
                ctx.access("installLog", f.toString());
            } catch (IOException e) {
                ctx.warn("could not keep the install log in " + logDirectory + ": " + e.getMessage());
            }
        }
        r.requireSuccess();
    }

    private ExecResult inCt(NodeConnection node, String vmid, List<String> argv, Duration deadline) {
        return node.exec(RemoteCommand.wrap("pct", List.of("exec", vmid, "--"), argv), deadline, listener)
                .requireSuccess();
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

    /** A step whose failure build.func only warns about. */
    private static void tolerant(ContainerSetupContext ctx, String name, Runnable body) {
        long t0 = System.nanoTime();
        ctx.progress(name + ": started");
        try {
            body.run();
        } catch (CommandFailedException e) {
            ctx.warn(name + " failed in container " + ctx.vmid() + " (exit status " + e.exitStatus()
                    + "; continuing, as build.func does)" + (e.outputTail().isEmpty() ? ""
                            : ": " + String.join(" | ", e.outputTail())));
        } catch (ProxmoxException e) {
            ctx.warn(name + " failed for container " + ctx.vmid() + " (continuing, as build.func does): "
                    + e.getMessage());
        }
        ctx.progress(name + ": done in " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
    }

    /** Builds an {@link InContainerSetup}; every step is off until set. */
    public static final class Builder {
        private final Function<String, NodeConnection> nodes;
        private ResolvedConfig config;
        private Duration dnsWait;
        private String dnsName = "deb.debian.org";
        private String timezone;
        private boolean nodeTimezone;
        private String locale;
        private String aptCacher;
        private String httpProxy;
        private String noProxy;
        private String hostCaDirectory;
        private boolean updatePackages;
        private boolean basePackages;
        private final List<String> packages = new ArrayList<>();
        private String alpineRepository = "https://dl-cdn.alpinelinux.org/alpine/latest-stable";
        private String authorizedKey;
        private boolean rootLogin;
        private InstallScript install;
        private App app;
        private String variant = App.DEFAULT_VARIANT;
        private ScriptSource appSource;
        private UUID runId;
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
         * Skips the DNS wait.
         *
         * @return this builder
         */
        public Builder noDnsWait() {
            this.dnsWait = null;
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
         * Sets the timezone in the container ({@code /etc/localtime}, {@code /etc/timezone}), e.g.
         * {@code Europe/Berlin}; a zone the container lacks is skipped with a note, as build.func
         * does.
         *
         * @param tz an IANA zone name
         * @return this builder
         */
        public Builder timezone(String tz) {
            if (!TZ.matcher(tz).matches() || tz.contains("..")) {
                throw new ProxmoxException("var_timezone '" + tz + "' is not an IANA zone name such as Europe/Berlin");
            }
            this.timezone = tz;
            this.nodeTimezone = false;
            return this;
        }

        /**
         * Sets the node's timezone in the container (build.func's default: {@code timedatectl} on
         * the node, else its {@code /etc/timezone}, else UTC; {@code Etc/*} becomes UTC).
         *
         * @return this builder
         */
        public Builder timezoneOfNode() {
            this.timezone = null;
            this.nodeTimezone = true;
            return this;
        }

        /**
         * Enables a locale and makes it the default (not on alpine), as build.func does with the
         * node's {@code LANG}: uncommented in {@code /etc/locale.gen}, written to
         * {@code /etc/default/locale}, {@code locale-gen}.
         *
         * @param lang e.g. {@code en_US.UTF-8}
         * @return this builder
         */
        public Builder locale(String lang) {
            if (!LANG.matcher(lang).matches()) {
                throw new ProxmoxException("locale '" + lang + "' is not a locale name such as en_US.UTF-8");
            }
            this.locale = lang;
            return this;
        }

        /**
         * An APT cacher ({@code var_apt_cacher=yes} with {@code var_apt_cacher_ip}), e.g.
         * {@code http://10.0.0.2:3142}: checked from the node first, then written to
         * {@code /etc/apt/apt.conf.d/00aptproxy} unless an HTTP proxy is set; given to the install
         * script as {@code CACHER}/{@code CACHER_IP}.
         *
         * @param url the cacher URL
         * @return this builder
         */
        public Builder aptCacher(String url) {
            if (!PROXY.matcher(Objects.requireNonNull(url, "url")).matches()) {
                throw new ProxmoxException("var_apt_cacher_ip '" + url + "' must be an http(s) URL or a host name");
            }
            this.aptCacher = url;
            return this;
        }

        /**
         * An HTTP proxy ({@code var_http_proxy}, {@code var_http_no_proxy}): written to
         * {@code /etc/profile.d/90-http-proxy.sh} and APT's {@code 95http-proxy}, used by the package
         * step and exported to the install script.
         *
         * @param proxy the proxy URL
         * @param noProxyList the no-proxy list; empty for build.func's {@code localhost,127.0.0.1,.local}
         * @return this builder
         */
        public Builder httpProxy(String proxy, String noProxyList) {
            Objects.requireNonNull(noProxyList, "noProxyList");
            if (!PROXY.matcher(Objects.requireNonNull(proxy, "proxy")).matches()) {
                throw new ProxmoxException("var_http_proxy '" + proxy + "' must be an http(s) URL without spaces or quotes");
            }
            if (noProxyList.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
                throw new ProxmoxException("var_http_no_proxy '" + noProxyList + "' must be a comma list without spaces");
            }
            this.httpProxy = proxy;
            this.noProxy = noProxyList.isEmpty() ? null : noProxyList;
            return this;
        }

        /**
         * An HTTP proxy with build.func's no-proxy list {@code localhost,127.0.0.1,.local}.
         *
         * @param proxy the proxy URL
         * @return this builder
         */
        public Builder httpProxy(String proxy) {
            return httpProxy(proxy, "");
        }

        /**
         * Copies the node's CA certificates ({@code <directory>/*.crt}) into the container's
         * {@code /usr/local/share/ca-certificates/} and runs {@code update-ca-certificates}
         * ({@code var_inherit_host_ca=yes}). Failures are warnings, as in build.func.
         *
         * @param directory the directory on the node, normally {@value #HOST_CA_DIRECTORY}
         * @return this builder
         */
        public Builder inheritHostCa(String directory) {
            if (!directory.startsWith("/")) {
                throw new ProxmoxException("host CA directory '" + directory + "' must be an absolute path on the node");
            }
            this.hostCaDirectory = directory;
            return this;
        }

        /**
         * Updates the package index, and installs these packages (apt or apk by the container's OS).
         *
         * @param extraPackages package names, possibly none
         * @return this builder
         */
        public Builder updatePackages(List<String> extraPackages) {
            for (String p : extraPackages) {
                if (!PACKAGE.matcher(p).matches()) {
                    throw new ProxmoxException("package name '" + p + "' is not valid");
                }
            }
            this.updatePackages = true;
            this.packages.addAll(extraPackages);
            return this;
        }

        /**
         * Installs build.func's base packages ({@link #DEBIAN_BASE_PACKAGES}, or on alpine
         * {@link #ALPINE_BASE_PACKAGES} after pointing {@code /etc/apk/repositories} at
         * latest-stable, as build.func does).
         *
         * @return this builder
         */
        public Builder basePackages() {
            this.basePackages = true;
            return this;
        }

        /**
         * Skips the package step (index update and base packages).
         *
         * @return this builder
         */
        public Builder noPackages() {
            this.basePackages = false;
            this.updatePackages = false;
            this.packages.clear();
            return this;
        }

        /**
         * Adds a public key to root's authorized_keys ({@code var_ssh=yes}, {@code var_ssh_authorized_key}).
         *
         * @param publicKey one OpenSSH public key line
         * @return this builder
         */
        public Builder authorizedKey(String publicKey) {
            if (publicKey.contains("\n") || publicKey.contains("\r")) {
                throw new ProxmoxException("var_ssh_authorized_key must be a single line");
            }
            this.authorizedKey = publicKey.strip();
            return this;
        }

        /**
         * Allows root to log in over SSH ({@code PermitRootLogin yes}, {@code var_ssh=yes}) when no
         * install script runs (community install scripts do it themselves), and tells an install
         * script {@code SSH_ROOT=yes}.
         *
         * @param allow whether to allow it
         * @return this builder
         */
        public Builder rootLogin(boolean allow) {
            this.rootLogin = allow;
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
            this.app = null;
            return this;
        }

        /**
         * Runs a catalogue app's install script as build.func does: the script and
         * {@code FUNCTIONS_FILE_PATH} from the source, the environment of
         * {@link AppInstall#environment()}; afterwards the access details ({@code url},
         * {@code username}, {@code password}, {@code config}) go into the result.
         *
         * @param catalogueApp the app
         * @param installMethod {@code default} or another of its {@link App#variants()}
         * @param source where the scripts come from
         * @return this builder
         * @throws IllegalArgumentException for a variant the app does not have
         * @throws ProxmoxException for a retired app (no install script)
         */
        public Builder app(App catalogueApp, String installMethod, ScriptSource source) {
            Objects.requireNonNull(catalogueApp, "app");
            String v = installMethod.toLowerCase(Locale.ROOT);
            if (!catalogueApp.variants().contains(v)) {
                throw new IllegalArgumentException("variant='" + installMethod + "': app " + catalogueApp.slug()
                        + " has the install methods " + catalogueApp.variants());
            }
            if (catalogueApp.installScript(v).isEmpty()) {
                throw new ProxmoxException("app " + catalogueApp.slug() + " has no install script: the community"
                        + " scripts retired it");
            }
            this.app = catalogueApp;
            this.variant = v;
            this.appSource = Objects.requireNonNull(source, "source");
            this.install = null;
            return this;
        }

        /**
         * The run's identity for the install environment ({@code RANDOM_UUID}, {@code SESSION_ID});
         * random unless set.
         *
         * @param id the identity
         * @return this builder
         */
        public Builder runId(UUID id) {
            this.runId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Runs {@code bash <path>} on the node after the install ({@code var_post_install}), with
         * {@code APP NSAPP CTID IP HN BRG} in its environment. A failing hook is a warning, as in
         * build.func.
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
         * Environment for the install script on top of build.func's ({@code APPLICATION},
         * {@code PASSWORD}, ...). Values never appear on a command line or in logs.
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
