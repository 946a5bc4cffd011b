package io.github.proxmoxlxc.core.apps;

import io.github.proxmoxlxc.core.config.ResolvedConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The variables build.func exports into the container for the install script it runs with
 * {@code lxc-attach} (its {@code build_container}, reference §1b), in build.func's order, except
 * {@code FUNCTIONS_FILE_PATH} (the contents of {@code install.func}, added by the runner). This is
 * the one place that knows them: {@link AppInstall#environment()} for a catalogue app and the
 * node channel's install step for any other script both take them from here.
 *
 * <p>Each value comes from the resolved {@code var_*} keys the way build.func derives it; what only
 * the node knows (its time zone and architecture, whether the APT cacher answered) and what the
 * caller knows better (the container's type and OS, the application's name) is set on the
 * builder:
 *
 * <pre>{@code
 * Map<String, String> env = InstallEnvironment.builder()
 *         .config(resolvedConfig)
 *         .vmid(105)
 *         .application("Jellyfin Media Server", "jellyfin")
 *         .nodeTimezone("Europe/Berlin")
 *         .build()
 *         .variables();
 * env.get("SESSION_ID"); // the first 8 characters of RANDOM_UUID
 * }</pre>
 *
 * <p>Three values differ from build.func's on purpose: {@code DIAGNOSTICS} is {@code no} (this
 * library sends no telemetry), so {@code REPO_SOURCE} and {@code REPO_SLUG}, which only the
 * container's telemetry reads, are empty; and {@code PASSWORD} is {@code var_pw} as written, the
 * root password the container was created with, where build.func exports its {@code pct} option
 * fragment {@code --password <pw>} (which {@code install.func} only tests for being empty).
 *
 * <p>{@link #variables()} holds secrets ({@code PASSWORD}, {@code GITHUB_TOKEN}): never log it;
 * {@link #displayVariables()} and {@link #toString()} show them as {@code ***}.
 */
public final class InstallEnvironment {
    private static final Set<String> SECRETS = Set.of("PASSWORD", "GITHUB_TOKEN");
    private static final String[] DEV_MODES = {"MOTD", "KEEP", "TRACE", "PAUSE", "BREAKPOINT", "LOGS", "DRYRUN"};

    private final Map<String, String> variables;

    private InstallEnvironment(Map<String, String> variables) {
        this.variables = Collections.unmodifiableMap(variables);
    }

    /**
     * Starts an environment; {@link Builder#vmid(int)} is required, the rest has build.func's
     * defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The variables, in build.func's export order. Holds {@code PASSWORD} and, when
     * {@code var_github_token} is set, {@code GITHUB_TOKEN}: never log it.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> variables() {
        return variables;
    }

    /**
     * {@link #variables()} with {@code PASSWORD} and {@code GITHUB_TOKEN} as {@code ***} when
     * not empty, for logs and output.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> displayVariables() {
        return redacted(variables);
    }

    /** {@code environment} with the non-empty secrets as {@code ***}, unmodifiable, in its order. */
    static Map<String, String> redacted(Map<String, String> environment) {
        Map<String, String> m = new LinkedHashMap<>(environment);
        for (String s : SECRETS) {
            m.computeIfPresent(s, (k, v) -> v.isEmpty() ? v : "***");
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The variables with secrets hidden.
     *
     * @return e.g. {@code InstallEnvironment{DIAGNOSTICS=no, ..., PASSWORD=***, ...}}
     */
    @Override
    public String toString() {
        return "InstallEnvironment" + displayVariables();
    }

    /** Collects what build.func's install environment is derived from. */
    public static final class Builder {
        private ResolvedConfig config;
        private int vmid;
        private String application = "";
        private String nsapp = "";
        private UUID runId;
        private String nodeTimezone = "Etc/UTC";
        private String arch = "amd64";
        private Boolean unprivileged;
        private String osType;
        private String[] cacher;
        private String[] proxy;
        private Boolean sshRoot;
        private String sshAuthorizedKey;

        private Builder() {
        }

        /**
         * The resolved configuration the container was created from; without it every
         * {@code var_*} key counts as unset.
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder config(ResolvedConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The container ({@code CTID}; required).
         *
         * @param vmid the VMID, 100 or more
         * @return this builder
         */
        public Builder vmid(int vmid) {
            if (vmid < 100) {
                throw new IllegalArgumentException("vmid=" + vmid + ": must be 100 or more");
            }
            this.vmid = vmid;
            return this;
        }

        /**
         * The application ({@code APPLICATION}, build.func's {@code APP}) and its short name
         * ({@code app}, build.func's {@code NSAPP}); both empty unless set.
         *
         * @param name e.g. {@code Jellyfin Media Server}
         * @param shortName e.g. {@code jellyfin}
         * @return this builder
         */
        public Builder application(String name, String shortName) {
            this.application = Objects.requireNonNull(name, "name");
            this.nsapp = Objects.requireNonNull(shortName, "shortName");
            return this;
        }

        /**
         * The application, its short name derived as build.func derives {@code NSAPP} from
         * {@code APP}: lower case, spaces removed.
         *
         * @param name e.g. {@code Home Assistant}
         * @return this builder
         */
        public Builder application(String name) {
            return application(name, name.toLowerCase(Locale.ROOT).replace(" ", ""));
        }

        /**
         * The run's identity: {@code RANDOM_UUID} and {@code EXECUTION_ID}, its first 8
         * characters {@code SESSION_ID}; random unless set.
         *
         * @param id the identity
         * @return this builder
         */
        public Builder runId(UUID id) {
            this.runId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The node's time zone, which build.func exports as {@code tz} whatever
         * {@code var_timezone} says ({@code var_timezone} only sets {@code pct create
         * -timezone}); an {@code Etc/*} zone is exported as {@code host}, as build.func does.
         * {@code Etc/UTC} unless set.
         *
         * @param zone e.g. {@code Europe/Berlin}
         * @return this builder
         */
        public Builder nodeTimezone(String zone) {
            this.nodeTimezone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The node's dpkg architecture ({@code PCT_ARCH}); {@code amd64} unless set.
         *
         * @param arch e.g. {@code arm64}
         * @return this builder
         */
        public Builder arch(String arch) {
            this.arch = Objects.requireNonNull(arch, "arch");
            return this;
        }

        /**
         * The container's type ({@code CTTYPE}) when known from the container itself; else
         * {@code var_unprivileged} (default unprivileged).
         *
         * @param unprivileged whether the container is unprivileged
         * @return this builder
         */
        public Builder unprivileged(boolean unprivileged) {
            this.unprivileged = unprivileged;
            return this;
        }

        /**
         * The container's OS ({@code PCT_OSTYPE}) when known from the container itself; else
         * {@code var_os}.
         *
         * @param os e.g. {@code debian}
         * @return this builder
         */
        public Builder osType(String os) {
            this.osType = Objects.requireNonNull(os, "os");
            return this;
        }

        /**
         * The APT cacher as the node found it ({@code CACHER}, {@code CACHER_IP}); else
         * {@code var_apt_cacher} and {@code var_apt_cacher_ip} as they are.
         *
         * @param cacher {@code yes}, or empty when the cacher did not answer
         * @param cacherIp the cacher's address, empty when it did not answer
         * @return this builder
         */
        public Builder aptCacher(String cacher, String cacherIp) {
            this.cacher = new String[] {Objects.requireNonNull(cacher, "cacher"),
                Objects.requireNonNull(cacherIp, "cacherIp")};
            return this;
        }

        /**
         * The HTTP proxy and its no-proxy list; else {@code var_http_proxy} and
         * {@code var_http_no_proxy} as they are. An empty proxy exports no proxy variable; an
         * empty list is exported empty (build.func's default list only goes into the proxy
         * profile).
         *
         * @param url e.g. {@code http://proxy.lan:3128}, or empty for none
         * @param noProxy a comma list, or empty
         * @return this builder
         */
        public Builder httpProxy(String url, String noProxy) {
            this.proxy = new String[] {Objects.requireNonNull(url, "url"), Objects.requireNonNull(noProxy, "noProxy")};
            return this;
        }

        /**
         * Whether root may log in over SSH ({@code SSH_ROOT}); else {@code var_ssh}.
         *
         * @param allow whether to allow it
         * @return this builder
         */
        public Builder sshRoot(boolean allow) {
            this.sshRoot = allow;
            return this;
        }

        /**
         * Root's authorized key ({@code SSH_AUTHORIZED_KEY}); else
         * {@code var_ssh_authorized_key}.
         *
         * @param publicKey an OpenSSH public key line, or empty
         * @return this builder
         */
        public Builder sshAuthorizedKey(String publicKey) {
            this.sshAuthorizedKey = Objects.requireNonNull(publicKey, "publicKey");
            return this;
        }

        /**
         * Builds the environment.
         *
         * @return the environment
         * @throws IllegalStateException without a VMID
         */
        public InstallEnvironment build() {
            if (vmid == 0) {
                throw new IllegalStateException("InstallEnvironment needs vmid(...)");
            }
            UUID id = runId != null ? runId : UUID.randomUUID();
            String session = id.toString().substring(0, 8);
            Map<String, String> e = new LinkedHashMap<>();
            e.put("DIAGNOSTICS", "no");
            e.put("RANDOM_UUID", id.toString());
            e.put("EXECUTION_ID", id.toString());
            e.put("SESSION_ID", session);
            e.put("REPO_SOURCE", "");
            e.put("REPO_SLUG", "");
            e.put("TELEMETRY_PLATFORM", "pve");
            e.put("CACHER", cacher != null ? cacher[0] : value("var_apt_cacher"));
            e.put("CACHER_IP", cacher != null ? cacher[1] : value("var_apt_cacher_ip"));
            String httpProxy = proxy != null ? proxy[0] : value("var_http_proxy");
            if (!httpProxy.isEmpty()) {
                String noProxy = proxy != null ? proxy[1] : value("var_http_no_proxy");
                e.put("HTTP_PROXY", httpProxy);
                e.put("HTTPS_PROXY", httpProxy);
                e.put("http_proxy", httpProxy);
                e.put("https_proxy", httpProxy);
                e.put("NO_PROXY", noProxy);
                e.put("no_proxy", noProxy);
                e.put("var_http_proxy", httpProxy);
                e.put("var_http_no_proxy", noProxy);
            }
            e.put("tz", nodeTimezone.startsWith("Etc/") ? "host" : nodeTimezone);
            e.put("APPLICATION", application);
            e.put("app", nsapp);
            e.put("PASSWORD", value("var_pw"));
            e.put("VERBOSE", yesNo("var_verbose"));
            e.put("SSH_ROOT", sshRoot != null ? (sshRoot ? "yes" : "no") : yesNo("var_ssh"));
            e.put("SSH_AUTHORIZED_KEY", sshAuthorizedKey != null ? sshAuthorizedKey : value("var_ssh_authorized_key"));
            e.put("CTID", Integer.toString(vmid));
            boolean unpriv = unprivileged != null ? unprivileged
                    : config == null || config.bool("var_unprivileged").orElse(true);
            e.put("CTTYPE", unpriv ? "1" : "0");
            e.put("ENABLE_FUSE", yesNo("var_fuse"));
            e.put("ENABLE_TUN", yesNo("var_tun"));
            e.put("PCT_OSTYPE", osType != null ? osType : value("var_os"));
            e.put("PCT_OSVERSION", value("var_version"));
            e.put("PCT_ARCH", arch);
            e.put("PCT_DISK_SIZE", value("var_disk"));
            e.put("IPV6_METHOD", value("var_ipv6_method"));
            e.put("ENABLE_GPU", yesNo("var_gpu"));
            e.put("BUILD_LOG", "/tmp/create-lxc-" + session + ".log");
            e.put("INSTALL_LOG", "/root/.install-" + session + ".log");
            e.put("dev_mode", "");
            for (String f : DEV_MODES) {
                e.put("DEV_MODE_" + f, "false");
            }
            String token = value("var_github_token");
            if (!token.isBlank()) {
                e.put("GITHUB_TOKEN", token);
            }
            return new InstallEnvironment(e);
        }

        private String value(String key) {
            return config == null ? "" : config.value(key).orElse("");
        }

        private String yesNo(String key) {
            return config != null && config.bool(key).orElse(false) ? "yes" : "no";
        }
    }
}
