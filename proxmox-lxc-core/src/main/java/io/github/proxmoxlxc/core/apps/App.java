package io.github.proxmoxlxc.core.apps;

import io.github.proxmoxlxc.core.config.VarsKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One app of the community-scripts catalogue: the facts its website listed and the {@code var_*}
 * defaults its {@code ct/<slug>.sh} applies (see {@link AppCatalogue#scriptsCommit()}).
 *
 * <pre>{@code
 * App jellyfin = AppCatalogue.bundled().get("jellyfin");
 * jellyfin.port();          // OptionalInt[8096]
 * jellyfin.profile();       // {var_tags=media, var_cpu=2, var_ram=2048, var_disk=16, ...}
 * }</pre>
 *
 * <p>Instances come only from an {@link AppCatalogue}.
 */
public final class App {
    /** The install method every app has. */
    public static final String DEFAULT_VARIANT = "default";

    private final String slug;
    private final String name;
    private final List<String> categories;
    private final int port;
    private final boolean privileged;
    private final boolean updateable;
    private final String configPath;
    private final String website;
    private final String documentation;
    private final String username;
    private final String password;
    private final List<InstallMethod> methods;
    private final String ctScript;
    private final String installScript;
    private final Map<String, String> ctVars;

    App(Fields f) {
        this.slug = Objects.requireNonNull(f.slug, "slug");
        this.name = Objects.requireNonNull(f.name, "name");
        this.categories = List.copyOf(f.categories);
        this.port = f.port;
        this.privileged = f.privileged;
        this.updateable = f.updateable;
        this.configPath = f.configPath;
        this.website = f.website;
        this.documentation = f.documentation;
        this.username = f.username;
        this.password = f.password;
        this.methods = List.copyOf(f.methods);
        this.ctScript = f.ctScript;
        this.installScript = f.installScript;
        this.ctVars = Collections.unmodifiableMap(new LinkedHashMap<>(f.ctVars));
    }

    /** The loader's mutable bag of fields (package-private: only the catalogue builds apps). */
    static final class Fields {
        String slug;
        String name;
        List<String> categories = List.of();
        int port;
        boolean privileged;
        boolean updateable;
        String configPath;
        String website;
        String documentation;
        String username;
        String password;
        List<InstallMethod> methods = List.of();
        String ctScript;
        String installScript;
        Map<String, String> ctVars = Map.of();
    }

    /**
     * The catalogue's key.
     *
     * @return e.g. {@code jellyfin}
     */
    public String slug() {
        return slug;
    }

    /**
     * The display name.
     *
     * @return e.g. {@code Jellyfin Media Server}
     */
    public String name() {
        return name;
    }

    /**
     * build.func's {@code NSAPP} for this app: the name of its install script without
     * {@code -install.sh} (the container's default hostname and the {@code <app>.vars} name).
     *
     * @return e.g. {@code jellyfin}; {@code zot-registry} for the slug {@code zot}
     */
    public String nsapp() {
        if (installScript != null && installScript.endsWith("-install.sh")) {
            String base = installScript.substring(installScript.lastIndexOf('/') + 1);
            return base.substring(0, base.length() - "-install.sh".length());
        }
        return methods.stream().filter(m -> m.type().equals(DEFAULT_VARIANT)).findFirst()
                .flatMap(InstallMethod::nsapp).orElse(slug);
    }

    /**
     * The website's categories.
     *
     * @return e.g. {@code [Media & Streaming]}
     */
    public List<String> categories() {
        return categories;
    }

    /**
     * The web interface's port.
     *
     * @return e.g. 8096, or empty when the app has no web interface listed
     */
    public OptionalInt port() {
        return port > 0 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /**
     * Whether the website lists the app as needing a privileged container. What build.func
     * applies is {@code var_unprivileged} in {@link #ctVarsAtHead()}, which wins where they differ.
     *
     * @return true for privileged
     */
    public boolean privileged() {
        return privileged;
    }

    /**
     * Whether the app's script has an update path (running the ct script inside the container).
     *
     * @return true when updateable
     */
    public boolean updateable() {
        return updateable;
    }

    /**
     * Where the app keeps its configuration inside the container, as the website words it.
     *
     * @return e.g. {@code /etc/jellyfin/}, or empty
     */
    public Optional<String> configPath() {
        return Optional.ofNullable(configPath);
    }

    /**
     * The app's website.
     *
     * @return the URL, or empty
     */
    public Optional<String> website() {
        return Optional.ofNullable(website);
    }

    /**
     * The app's documentation.
     *
     * @return the URL, or empty
     */
    public Optional<String> documentation() {
        return Optional.ofNullable(documentation);
    }

    /**
     * The default user name after installation, when the catalogue lists one.
     *
     * @return e.g. {@code admin}, or empty
     */
    public Optional<String> defaultUsername() {
        return Optional.ofNullable(username);
    }

    /**
     * The default password after installation, when the catalogue lists one. It is public
     * knowledge (printed on the website) and meant to be changed at once.
     *
     * @return e.g. {@code admin}, or empty
     */
    public Optional<String> defaultPassword() {
        return Optional.ofNullable(password);
    }

    /**
     * The install methods, {@code default} first.
     *
     * @return an unmodifiable list
     */
    public List<InstallMethod> installMethods() {
        return methods;
    }

    /**
     * The names of the install methods, for {@code --variant}.
     *
     * @return e.g. {@code [default, alpine]}
     */
    public List<String> variants() {
        List<String> out = new ArrayList<>();
        for (InstallMethod m : methods) {
            if (!out.contains(m.type())) {
                out.add(m.type());
            }
        }
        if (!out.contains(DEFAULT_VARIANT)) {
            out.add(0, DEFAULT_VARIANT);
        }
        return List.copyOf(out);
    }

    /**
     * One install method.
     *
     * @param variant {@code default} or {@code alpine} (any case)
     * @return the method, or empty when the app has none of that name
     */
    public Optional<InstallMethod> installMethod(String variant) {
        String v = Objects.requireNonNull(variant, "variant").toLowerCase(Locale.ROOT);
        return methods.stream().filter(m -> m.type().equals(v)).findFirst();
    }

    /**
     * The container script, {@code ct/<slug>.sh}.
     *
     * @return the path in the scripts repository, or empty when it is gone
     */
    public Optional<String> ctScript() {
        return Optional.ofNullable(ctScript);
    }

    /**
     * The install script of the default method, {@code install/<nsapp>-install.sh}.
     *
     * @return the path in the scripts repository, or empty when it is gone
     */
    public Optional<String> installScript() {
        return Optional.ofNullable(installScript);
    }

    /**
     * The install script of a variant.
     *
     * @param variant {@code default} or {@code alpine}
     * @return the path in the scripts repository, or empty when there is none
     */
    public Optional<String> installScript(String variant) {
        if (DEFAULT_VARIANT.equalsIgnoreCase(variant)) {
            return installScript();
        }
        return installMethod(variant).flatMap(InstallMethod::installScript);
    }

    /**
     * The {@code var_*} defaults the app's {@code ct/<slug>.sh} sets with
     * {@code ${var_x:-default}} at the catalogue's scripts commit, as written there.
     *
     * @return an unmodifiable map in script order; empty when the script is gone or retired
     */
    public Map<String, String> ctVarsAtHead() {
        return ctVars;
    }

    /**
     * Whether the community scripts no longer offer this app: its {@code ct/<slug>.sh} sets no
     * {@code var_*} at the scripts commit (removed, or replaced by a "no longer available" stub).
     * Such an app still resolves, from the website's figures, but has nothing to install.
     *
     * @return true when retired
     */
    public boolean retired() {
        return ctVars.isEmpty();
    }

    /**
     * The app-profile layer for the default method: {@link #profile(String)} of
     * {@value #DEFAULT_VARIANT}.
     *
     * @return key to value, in the order build.func's script sets them
     */
    public Map<String, String> profile() {
        return profile(DEFAULT_VARIANT);
    }

    /**
     * The values this app contributes as the {@code app-profile} configuration layer; its
     * {@code var_cpu}, {@code var_ram} and {@code var_disk} are floors, as build.func's
     * {@code APP_DEFAULT_*}.
     *
     * <ul>
     *   <li>{@code default}: every whitelisted key of {@link #ctVarsAtHead()} (so
     *       {@code var_kasm_version} is left out), plus {@code var_unprivileged} from
     *       {@link #privileged()} when the script does not set it. A {@linkplain #retired()
     *       retired} app gets the website's default-method figures instead.</li>
     *   <li>another method (e.g. {@code alpine}): the website's figures for that method
     *       ({@code var_cpu}, {@code var_ram}, {@code var_disk}, {@code var_os},
     *       {@code var_version}), with the default script's {@code var_tags} and
     *       {@code var_unprivileged}; the catalogue holds no {@code var_*} of the variant's own
     *       script.</li>
     * </ul>
     *
     * @param variant {@code default} or a method of {@link #variants()}
     * @return key to value
     * @throws IllegalArgumentException if the app has no such method, naming the ones it has
     */
    public Map<String, String> profile(String variant) {
        String v = Objects.requireNonNull(variant, "variant").toLowerCase(Locale.ROOT);
        Map<String, String> out = new LinkedHashMap<>();
        if (v.equals(DEFAULT_VARIANT) && !retired()) {
            ctVars.forEach((k, val) -> {
                if (VarsKeys.isWhitelisted(k) && !val.isEmpty()) {
                    out.put(k, val);
                }
            });
            out.putIfAbsent("var_unprivileged", privileged ? "0" : "1");
            return out;
        }
        InstallMethod m = installMethod(v).orElseThrow(() -> new IllegalArgumentException(
                "variant='" + variant + "': app " + slug + " has the install methods " + variants()));
        Optional.ofNullable(ctVars.get("var_tags")).ifPresent(t -> out.put("var_tags", t));
        m.cpu().ifPresent(c -> out.put("var_cpu", Integer.toString(c)));
        m.ramMiB().ifPresent(c -> out.put("var_ram", Integer.toString(c)));
        m.diskGiB().ifPresent(c -> out.put("var_disk", Integer.toString(c)));
        m.os().ifPresent(o -> out.put("var_os", o));
        m.version().ifPresent(o -> out.put("var_version", o));
        out.put("var_unprivileged", Optional.ofNullable(ctVars.get("var_unprivileged"))
                .orElse(privileged ? "0" : "1"));
        return out;
    }

    /**
     * The access details for an installed container of this app.
     *
     * @param address the container's address, with or without a {@code /prefix}
     * @return the details: URL when the app has a port, default credentials when listed
     */
    public AppAccess access(String address) {
        return new AppAccess(this, Optional.of(Objects.requireNonNull(address, "address")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof App && ((App) o).slug.equals(slug);
    }

    @Override
    public int hashCode() {
        return slug.hashCode();
    }

    @Override
    public String toString() {
        return "App[" + slug + ", " + name + "]";
    }
}
