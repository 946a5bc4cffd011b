package io.github.proxmoxlxc.core.apps;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The install step of an app, as build.func runs it after the container is up (reference §1b,
 * §9 step 5.11): which script, from where, with which environment, and the access details to
 * print afterwards. It only describes the step; the node channel runs it.
 *
 * <p>How build.func runs it, and how a runner should: on the node, with {@link #environment()}
 * exported plus {@code FUNCTIONS_FILE_PATH} set to the <em>contents</em> of
 * {@link #functionsScript()} (build.func refuses fewer than 100 characters), run
 * {@code lxc-attach -n <vmid> -- bash -c "<contents of the install script>"}. The scripts come
 * from {@link #scriptSource()}: fetched on the node for a URL source, read here and pushed for a
 * local checkout.
 *
 * <pre>{@code
 * AppInstall install = AppInstall.builder(AppCatalogue.bundled().get("jellyfin"))
 *     .config(resolvedConfig)
 *     .vmid(result.vmid())
 *     .address("192.168.1.20/24")
 *     .build();
 * install.scriptLocation();          // https://raw.githubusercontent.com/.../install/jellyfin-install.sh
 * install.environment().get("CTID"); // "100"
 * install.access().url();            // Optional[http://192.168.1.20:8096]
 * }</pre>
 */
public final class AppInstall {
    private final App app;
    private final String variant;
    private final int vmid;
    private final String installScript;
    private final ScriptSource source;
    private final Map<String, String> environment;
    private final AppAccess access;

    private AppInstall(Builder b, String installScript, Map<String, String> environment) {
        this.app = b.app;
        this.variant = b.variant;
        this.vmid = b.vmid;
        this.installScript = installScript;
        this.source = b.source;
        this.environment = Collections.unmodifiableMap(environment);
        this.access = new AppAccess(b.app, Optional.ofNullable(b.address));
    }

    /**
     * Starts an install description for an app.
     *
     * @param app the app
     * @return a builder
     */
    public static Builder builder(App app) {
        return new Builder(app);
    }

    /**
     * The app.
     *
     * @return the app
     */
    public App app() {
        return app;
    }

    /**
     * The install method.
     *
     * @return {@code default} or {@code alpine}
     */
    public String variant() {
        return variant;
    }

    /**
     * The container.
     *
     * @return the VMID ({@code CTID})
     */
    public int vmid() {
        return vmid;
    }

    /**
     * The install script's path in the scripts repository.
     *
     * @return e.g. {@code install/jellyfin-install.sh}
     */
    public String installScript() {
        return installScript;
    }

    /**
     * The helper functions build.func passes in {@code FUNCTIONS_FILE_PATH}.
     *
     * @return {@code misc/alpine-install.func} for alpine, {@code misc/install.func} otherwise
     */
    public String functionsScript() {
        return "alpine".equalsIgnoreCase(environment.get("PCT_OSTYPE")) ? "misc/alpine-install.func"
                : "misc/install.func";
    }

    /**
     * Where the scripts come from.
     *
     * @return the source
     */
    public ScriptSource scriptSource() {
        return source;
    }

    /**
     * Where the install script is: its URL, or its file in a local checkout.
     *
     * @return e.g. {@code https://raw.githubusercontent.com/community-scripts/ProxmoxVE/main/install/jellyfin-install.sh}
     */
    public String scriptLocation() {
        return source.location(installScript);
    }

    /**
     * Where {@link #functionsScript()} is.
     *
     * @return its URL or file
     */
    public String functionsLocation() {
        return source.location(functionsScript());
    }

    /**
     * The environment build.func exports to the install script (reference §1b), in its order,
     * except {@code FUNCTIONS_FILE_PATH}, whose value is the contents of
     * {@link #functionsScript()} and is added by the runner: {@link InstallEnvironment} for this
     * app, configuration, container and run. Holds {@code PASSWORD} (the root password,
     * {@code var_pw}) and, when {@code var_github_token} is set, {@code GITHUB_TOKEN}: never log
     * it; use {@link #displayEnvironment()}.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * {@link #environment()} with {@code PASSWORD} and {@code GITHUB_TOKEN} as {@code ***} when
     * set, for logs and output.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> displayEnvironment() {
        return InstallEnvironment.redacted(environment);
    }

    /**
     * What to print once the install succeeded.
     *
     * @return the access details
     */
    public AppAccess access() {
        return access;
    }

    @Override
    public String toString() {
        return "AppInstall[" + app.slug() + " " + variant + ", CT " + vmid + ", " + scriptLocation() + "]";
    }

    /** Collects what an install step needs. */
    public static final class Builder {
        private final App app;
        private String variant = App.DEFAULT_VARIANT;
        private ResolvedConfig config;
        private int vmid;
        private String address;
        private ScriptSource source = ScriptSource.communityScripts();
        private UUID uuid;
        private String hostTimezone = "Etc/UTC";
        private String arch = "amd64";

        private Builder(App app) {
            this.app = Objects.requireNonNull(app, "app");
        }

        /**
         * The install method; {@code default} unless set.
         *
         * @param variant {@code default} or another of {@link App#variants()}
         * @return this builder
         */
        public Builder variant(String variant) {
            this.variant = Objects.requireNonNull(variant, "variant").toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * The resolved configuration the container was created from (required).
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder config(ResolvedConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The container (required).
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
         * The container's address, for the access details.
         *
         * @param address e.g. {@code 192.168.1.20/24} or {@code 192.168.1.20}
         * @return this builder
         */
        public Builder address(String address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Where the scripts come from; {@link ScriptSource#communityScripts()} unless set.
         *
         * @param source the source
         * @return this builder
         */
        public Builder scripts(ScriptSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * The run's identity: {@code RANDOM_UUID} and {@code EXECUTION_ID}, its first 8
         * characters {@code SESSION_ID}; random unless set.
         *
         * @param uuid the identity
         * @return this builder
         */
        public Builder runId(UUID uuid) {
            this.uuid = Objects.requireNonNull(uuid, "uuid");
            return this;
        }

        /**
         * The node's time zone, exported as {@code tz} as build.func does whatever
         * {@code var_timezone} says ({@code Etc/*} as {@code host}); see
         * {@link InstallEnvironment.Builder#nodeTimezone(String)}. {@code Etc/UTC} unless set.
         *
         * @param zone e.g. {@code Europe/Berlin}
         * @return this builder
         */
        public Builder hostTimezone(String zone) {
            this.hostTimezone = Objects.requireNonNull(zone, "zone");
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
         * Builds the description.
         *
         * @return the install step
         * @throws IllegalStateException without a config or VMID
         * @throws IllegalArgumentException for a variant the app does not have
         * @throws ProxmoxException when the app has no install script (retired)
         */
        public AppInstall build() {
            if (config == null || vmid == 0) {
                throw new IllegalStateException("AppInstall needs config(...) and vmid(...)");
            }
            if (!app.variants().contains(variant)) {
                throw new IllegalArgumentException("variant='" + variant + "': app " + app.slug()
                        + " has the install methods " + app.variants());
            }
            String script = app.installScript(variant).orElseThrow(() -> new ProxmoxException("app "
                    + app.slug() + " has no install script: the community scripts retired it"
                    + (app.ctScript().isPresent() ? " (" + app.ctScript().get() + " only says so)" : "")));
            return new AppInstall(this, script, environment(script));
        }

        private Map<String, String> environment(String script) {
            String nsapp = script.substring(script.lastIndexOf('/') + 1, script.length() - "-install.sh".length());
            return InstallEnvironment.builder().config(config).vmid(vmid).application(app.name(), nsapp)
                    .runId(uuid != null ? uuid : UUID.randomUUID()).nodeTimezone(hostTimezone).arch(arch).build()
                    .variables();
        }
    }
}
