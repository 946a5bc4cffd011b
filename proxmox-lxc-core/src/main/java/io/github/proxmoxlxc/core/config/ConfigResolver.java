package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.apps.App;
import io.github.proxmoxlxc.core.apps.AppCatalogue;
import io.github.proxmoxlxc.core.internal.config.Bools;
import io.github.proxmoxlxc.core.internal.config.Floors;
import io.github.proxmoxlxc.core.internal.config.KeyRules;
import io.github.proxmoxlxc.core.internal.config.ParsedVars;
import io.github.proxmoxlxc.core.internal.config.VarsParser;
import io.github.proxmoxlxc.core.spec.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Merges the configuration layers into one {@link ResolvedConfig}, each value with its
 * provenance.
 *
 * <p>Precedence, lowest first: {@link Layer#BUILTIN} (build.func's built-in defaults, reference
 * §1a, so a bare run behaves like its default mode) &lt; {@link Layer#DEFAULTS} (global
 * {@code default.vars}) &lt; {@link Layer#APP_PROFILE} &lt; {@link Layer#APP_VARS}
 * ({@code <app>.vars}) &lt; {@link Layer#ENV} ({@code var_*} from a map you pass, never
 * {@code System.getenv}) &lt; {@link Layer#EXPLICIT} ({@link Builder#set} or {@code --set}).
 * An empty value means "not set here" (build.func's {@code ${var:-default}}), so it never
 * replaces a lower layer's value.
 *
 * <p><b>Floors.</b> The app profile's {@code var_cpu}, {@code var_ram} and {@code var_disk} are
 * minimums for values from saved {@code .vars} files: an {@code <app>.vars} cannot lower them (the
 * value is raised, with a warning naming both), as build.func's {@code APP_DEFAULT_*} does.
 * Environment and explicit values are the user's direct intent and may go below, with a warning.
 *
 * <p><b>Apps from the catalogue.</b> When the app ({@link Builder#app(String)}) is in the bundled
 * {@link AppCatalogue} (by slug or name, any case) and no app-profile file is given, the app's
 * {@link App#profile(String)} is the app-profile layer, with provenance
 * {@code app-profile (catalogue: jellyfin)}: its cores, memory and disk as floors, its OS and
 * version for the template, its privileged flag and tags. {@link Builder#variant(String)} picks
 * another install method ({@code alpine}). An app that is neither in the catalogue nor backed by
 * a profile or {@code <app>.vars} gets a warning that nothing app-specific was found, with
 * close catalogue names.
 *
 * <p><b>var_keyctl.</b> build.func ignores {@code var_keyctl} and sets {@code keyctl=1} exactly
 * when the container is unprivileged (reference §3, §10). This resolver honours
 * {@code var_keyctl} when any layer sets it; when none does, it defaults to the build.func
 * behaviour ({@code 1} for unprivileged, {@code 0} for privileged).
 *
 * <pre>{@code
 * VarsPaths paths = VarsPaths.forHost(System.getenv(), Path.of("").toAbsolutePath());
 * ConfigResolver.Builder b = ConfigResolver.builder().app("Jellyfin");
 * paths.findDefaultVars().ifPresent(b::defaults);
 * ResolvedConfig cfg = b
 *     .appVars(paths.appVars("Jellyfin"))
 *     .env(System.getenv())
 *     .set("var_cpu", "4")
 *     .build()
 *     .resolve();
 * System.out.println(cfg.explain());
 * }</pre>
 */
public final class ConfigResolver {
    private static final Map<String, String> BUILTINS = builtins();

    private final String app;
    private final boolean useBuiltins;
    private final Path defaults;
    private final Path appProfile;
    private final String appProfileContent;
    private final Path appVars;
    private final Map<String, String> env;
    private final Map<String, String> explicit;
    private final Strictness strictness;
    private final App catalogueApp;
    private final String variant;
    private final boolean catalogueLookup;

    private ConfigResolver(Builder b) {
        this.app = b.app;
        this.useBuiltins = b.builtins;
        this.defaults = b.defaults;
        this.appProfile = b.appProfile;
        this.appProfileContent = b.appProfileContent;
        this.appVars = b.appVars;
        this.env = Map.copyOf(b.env);
        this.explicit = Collections.unmodifiableMap(new LinkedHashMap<>(b.explicit));
        this.strictness = b.strictness;
        this.catalogueApp = b.catalogueApp;
        this.variant = b.variant;
        this.catalogueLookup = b.catalogueLookup;
    }

    /**
     * Starts a resolver with built-in defaults on, no files, no environment, strict mode.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * build.func's built-in defaults (reference §1a, {@code base_settings()}), without the
     * app-dependent {@code var_hostname} and the derived {@code var_keyctl}.
     *
     * <p>{@code var_timezone} is {@code host}: build.func passes the host's time zone, which it
     * reads from the host; Proxmox's {@code host} value gives the same result without this
     * library reading globals.
     *
     * @return an unmodifiable map, in whitelist order
     */
    public static Map<String, String> builtinDefaults() {
        return BUILTINS;
    }

    /**
     * Resolves all layers.
     *
     * @return the resolved configuration
     * @throws InvalidConfigException in strict mode, listing every invalid value of every layer
     * @throws io.github.proxmoxlxc.core.ProxmoxException if a given file cannot be read
     */
    public ResolvedConfig resolve() {
        List<Violation> violations = new ArrayList<>();
        List<ConfigWarning> warnings = new ArrayList<>();
        Map<String, List<Setting>> candidates = new LinkedHashMap<>();
        Optional<App> known = Optional.ofNullable(catalogueApp);
        if (known.isEmpty() && app != null && catalogueLookup) {
            known = AppCatalogue.bundled().find(app);
        }
        if (useBuiltins) {
            for (Map.Entry<String, String> e : BUILTINS.entrySet()) {
                add(candidates, new Setting(e.getKey(), e.getValue(), Provenance.of(Layer.BUILTIN)));
            }
            if (app != null) {
                add(candidates, new Setting("var_hostname",
                        known.map(App::nsapp).orElseGet(() -> VarsPaths.nsapp(app)),
                        Provenance.of(Layer.BUILTIN)));
            }
        }
        readFile(Layer.DEFAULTS, defaults, null, candidates, violations, warnings);
        readFile(Layer.APP_PROFILE, appProfile, appProfileContent, candidates, violations,
                warnings);
        catalogueProfile(known, candidates, violations, warnings);
        readFile(Layer.APP_VARS, appVars, null, candidates, violations, warnings);
        for (String key : VarsKeys.WHITELIST) {
            direct(Layer.ENV, key, env.get(key), candidates, violations);
        }
        direct(Layer.ENV, VarsKeys.CTID, env.get(VarsKeys.CTID), candidates, violations);
        new java.util.TreeMap<>(env).keySet().stream().filter(k -> k.startsWith("var_") && !VarsKeys.isKnown(k))
                .forEach(k -> warnings.add(new ConfigWarning(k, KeyRules.unknownKeyMessage(k),
                        Provenance.of(Layer.ENV).location())));
        for (Map.Entry<String, String> e : explicit.entrySet()) {
            if (!VarsKeys.isKnown(e.getKey())) {
                warnings.add(new ConfigWarning(e.getKey(), KeyRules.unknownKeyMessage(e.getKey()),
                        Provenance.of(Layer.EXPLICIT).location()));
                continue;
            }
            direct(Layer.EXPLICIT, e.getKey(), e.getValue(), candidates, violations);
        }
        if (!violations.isEmpty()) {
            if (strictness == Strictness.STRICT) {
                throw new InvalidConfigException(violations);
            }
            for (Violation v : violations) {
                warnings.add(VarsFile.asWarning(v));
            }
        }
        for (String key : VarsKeys.WHITELIST) {
            if (VarsKeys.notYetImplemented().contains(key) || VarsKeys.nodeChannel().contains(key)) {
                String message = VarsKeys.nodeChannel().contains(key) ? VarsKeys.NODE_CHANNEL_WARNING
                        : KeyRules.notYetImplementedMessage(key);
                candidates.getOrDefault(key, List.of()).stream().filter(c -> c.provenance().layer() != Layer.BUILTIN)
                        .forEach(c -> warnings.add(new ConfigWarning(key, message, c.provenance().location())));
            }
        }
        Map<String, ResolvedValue> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, List<Setting>> e : candidates.entrySet()) {
            List<Setting> list = e.getValue();
            Setting winner = list.get(list.size() - 1);
            resolved.put(e.getKey(), new ResolvedValue(e.getKey(), winner.value(),
                    winner.provenance(), list.subList(0, list.size() - 1), ""));
        }
        Floors.apply(resolved, candidates, warnings);
        if (useBuiltins && !resolved.containsKey("var_keyctl")) {
            boolean unprivileged = Optional.ofNullable(resolved.get("var_unprivileged"))
                    .flatMap(v -> Bools.parse(v.value()))
                    .orElse(Boolean.TRUE);
            resolved.put("var_keyctl", new ResolvedValue("var_keyctl", unprivileged ? "1" : "0",
                    Provenance.of(Layer.BUILTIN), List.of(),
                    "no layer sets var_keyctl: build.func enables keyctl exactly for"
                            + " unprivileged containers"));
        }
        return new ResolvedConfig(app, order(resolved), warnings);
    }

    private void catalogueProfile(Optional<App> known, Map<String, List<Setting>> candidates,
            List<Violation> violations, List<ConfigWarning> warnings) {
        String v = variant == null ? App.DEFAULT_VARIANT : variant;
        if (appProfile != null) {
            if (variant != null) {
                warnings.add(new ConfigWarning("variant", "variant " + variant + " ignored: the app"
                        + " profile " + appProfile + " replaces the catalogue's", ""));
            }
            return;
        }
        if (known.isEmpty()) {
            if (variant != null) {
                violations.add(new Violation("variant", variant, "an install method of an app of"
                        + " the community-scripts catalogue; " + (app == null ? "no app is given"
                        : "'" + app + "' is not in the catalogue"), "explicit"));
            }
            if (app != null && catalogueLookup && appVars == null) {
                List<String> close = AppCatalogue.bundled().suggestions(app);
                warnings.add(new ConfigWarning("app", "nothing app-specific found for '" + app
                        + "': not in the bundled community-scripts catalogue ("
                        + AppCatalogue.bundled().size() + " apps"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                        + "), and no app profile or <app>.vars was given; the built-in defaults"
                        + " apply", ""));
            }
            return;
        }
        App a = known.get();
        if (!a.variants().contains(v.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("variant", v, "one of app " + a.slug()
                    + "'s install methods " + a.variants(), "explicit"));
            return;
        }
        Path origin = Path.of("catalogue: " + a.slug()
                + (v.equalsIgnoreCase(App.DEFAULT_VARIANT) ? "" : " " + v.toLowerCase(Locale.ROOT)));
        Provenance p = Provenance.of(Layer.APP_PROFILE, origin, 0);
        for (Map.Entry<String, String> e : a.profile(v).entrySet()) {
            Optional<String> broken = KeyRules.violatedRule(e.getKey(), e.getValue());
            if (broken.isPresent()) {
                violations.add(new Violation(e.getKey(), e.getValue(), broken.get(), p.location()));
            } else {
                add(candidates, new Setting(e.getKey(), e.getValue(), p));
            }
        }
        if (a.retired()) {
            warnings.add(new ConfigWarning("app", a.slug() + " is retired in the community scripts"
                    + " (no var_* defaults in " + a.ctScript().orElse("ct/" + a.slug() + ".sh")
                    + " at the catalogue's commit): resources and OS are the website's, and there is"
                    + " no install script", p.location()));
        }
    }

    private static Map<String, ResolvedValue> order(Map<String, ResolvedValue> resolved) {
        Map<String, ResolvedValue> ordered = new LinkedHashMap<>();
        for (String key : VarsKeys.WHITELIST) {
            if (resolved.containsKey(key)) {
                ordered.put(key, resolved.get(key));
            }
        }
        if (resolved.containsKey(VarsKeys.CTID)) {
            ordered.put(VarsKeys.CTID, resolved.get(VarsKeys.CTID));
        }
        return ordered;
    }

    private static void readFile(Layer layer, Path file, String content,
            Map<String, List<Setting>> candidates, List<Violation> violations,
            List<ConfigWarning> warnings) {
        if (file == null) {
            return;
        }
        String text = content != null ? content : VarsFile.readText(file);
        ParsedVars parsed = VarsParser.parse(text, file.toString());
        violations.addAll(parsed.violations());
        warnings.addAll(parsed.warnings());
        Map<String, VarsEntry> last = new LinkedHashMap<>();
        for (VarsEntry e : parsed.entries()) {
            last.put(e.key(), e);
        }
        for (VarsEntry e : last.values()) {
            if (!e.value().isEmpty()) {
                add(candidates, new Setting(e.key(), e.value(), Provenance.of(layer, file, e.line())));
            }
        }
    }

    private static void direct(Layer layer, String key, String value,
            Map<String, List<Setting>> candidates, List<Violation> violations) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Provenance p = Provenance.of(layer);
        Optional<String> broken = KeyRules.violatedRule(key, value);
        if (broken.isPresent()) {
            violations.add(new Violation(key, VarsParser.mask(key, value), broken.get(),
                    p.location()));
            return;
        }
        add(candidates, new Setting(key, value, p));
    }

    private static void add(Map<String, List<Setting>> candidates, Setting s) {
        candidates.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
    }

    private static Map<String, String> builtins() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("var_unprivileged", "1");
        m.put("var_cpu", "1");
        m.put("var_ram", "1024");
        m.put("var_disk", "4");
        m.put("var_os", "debian");
        m.put("var_version", "13");
        m.put("var_brg", "vmbr0");
        m.put("var_net", "dhcp");
        m.put("var_ipv6_method", "none");
        m.put("var_tags", "community-script");
        m.put("var_fuse", "no");
        m.put("var_tun", "no");
        m.put("var_nesting", "1");
        m.put("var_mknod", "0");
        m.put("var_protection", "no");
        m.put("var_timezone", "host");
        m.put("var_gpu", "no");
        m.put("var_ssh", "no");
        m.put("var_verbose", "no");
        m.put("var_inherit_host_ca", "no");
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : VarsKeys.WHITELIST) {
            if (m.containsKey(key)) {
                ordered.put(key, m.get(key));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** Collects the layers for a {@link ConfigResolver}. */
    public static final class Builder {
        private String app;
        private boolean builtins = true;
        private Path defaults;
        private Path appProfile;
        private String appProfileContent;
        private Path appVars;
        private Map<String, String> env = Map.of();
        private final Map<String, String> explicit = new LinkedHashMap<>();
        private Strictness strictness = Strictness.STRICT;
        private App catalogueApp;
        private String variant;
        private boolean catalogueLookup = true;

        private Builder() {
        }

        /**
         * Sets the app from the catalogue: its {@code NSAPP} is the app name and the built-in
         * {@code var_hostname}, and its {@link App#profile(String)} is the app-profile layer
         * (unless an app-profile file is set).
         *
         * @param app the catalogue app
         * @return this builder
         */
        public Builder app(App app) {
            this.catalogueApp = Objects.requireNonNull(app, "app");
            this.app = app.nsapp();
            return this;
        }

        /**
         * Chooses the catalogue app's install method; {@code default} unless set.
         *
         * @param variant e.g. {@code alpine}
         * @return this builder
         */
        public Builder variant(String variant) {
            this.variant = Objects.requireNonNull(variant, "variant");
            return this;
        }

        /**
         * Turns looking up {@link #app(String)} in the bundled catalogue on (the default) or off.
         * Off, an app name only sets the hostname, as before the catalogue existed.
         *
         * @param lookup false to ignore the catalogue
         * @return this builder
         */
        public Builder catalogueLookup(boolean lookup) {
            this.catalogueLookup = lookup;
            return this;
        }

        /**
         * Sets the app name ({@code APP}); its normalised form ({@code NSAPP}: lower case, spaces
         * removed) is the built-in {@code var_hostname}. When the bundled {@link AppCatalogue}
         * has the app (slug or name, any case), its values are the app-profile layer unless an
         * app-profile file is set, and its {@code NSAPP} is the hostname.
         *
         * @param app the app name, e.g. {@code Jellyfin}
         * @return this builder
         * @throws InvalidConfigException if the normalised name is not a safe file name
         */
        public Builder app(String app) {
            VarsPaths.nsapp(Objects.requireNonNull(app, "app"));
            this.app = app;
            this.catalogueApp = null;
            return this;
        }

        /**
         * Turns the built-in defaults layer on (the default) or off.
         *
         * @param builtins false to resolve only what the sources set
         * @return this builder
         */
        public Builder builtinDefaults(boolean builtins) {
            this.builtins = builtins;
            return this;
        }

        /**
         * Sets the global {@code default.vars} (see {@link VarsPaths#findDefaultVars()}); without
         * this call there is none.
         *
         * @param file the file
         * @return this builder
         */
        public Builder defaults(Path file) {
            this.defaults = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Sets the app profile: a {@code .vars}-format file of what the app needs; its
         * {@code var_cpu}, {@code var_ram} and {@code var_disk} are floors. Without this call (or
         * {@link #appProfile(String, Path)}) there is none.
         *
         * @param file the file
         * @return this builder
         */
        public Builder appProfile(Path file) {
            this.appProfile = Objects.requireNonNull(file, "file");
            this.appProfileContent = null;
            return this;
        }

        /**
         * Sets the app profile from text, e.g. a profile shipped as a class-path resource.
         *
         * @param content the profile in {@code .vars} format
         * @param origin the name to report in provenance and messages
         * @return this builder
         */
        public Builder appProfile(String content, Path origin) {
            this.appProfileContent = Objects.requireNonNull(content, "content");
            this.appProfile = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Sets the app's saved defaults {@code <app>.vars} (see {@link VarsPaths#appVars}); without
         * this call there are none.
         *
         * @param file the file
         * @return this builder
         */
        public Builder appVars(Path file) {
            this.appVars = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Sets the environment. Only whitelisted {@code var_*} keys and {@code var_ctid} are read;
         * other entries (the environment is shared with everything else) are ignored.
         *
         * @param env the environment, e.g. {@code System.getenv()} at the application's edge
         * @return this builder
         */
        public Builder env(Map<String, String> env) {
            this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
            return this;
        }

        /**
         * Adds one explicit value (highest precedence), as {@code --set key=value} does.
         *
         * @param key a whitelisted key or {@code var_ctid}
         * @param value the value
         * @return this builder
         */
        public Builder set(String key, String value) {
            explicit.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Replaces all explicit values.
         *
         * @param values key to value
         * @return this builder
         */
        public Builder explicit(Map<String, String> values) {
            Objects.requireNonNull(values, "values");
            explicit.clear();
            values.forEach(this::set);
            return this;
        }

        /**
         * Sets how invalid values are treated; {@link Strictness#STRICT} by default.
         *
         * @param strictness the mode
         * @return this builder
         */
        public Builder strictness(Strictness strictness) {
            this.strictness = Objects.requireNonNull(strictness, "strictness");
            return this;
        }

        /**
         * Builds the resolver (reading happens in {@link ConfigResolver#resolve()}).
         *
         * @return the resolver
         */
        public ConfigResolver build() {
            return new ConfigResolver(this);
        }
    }
}
