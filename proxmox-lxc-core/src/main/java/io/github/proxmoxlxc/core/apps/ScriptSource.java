package io.github.proxmoxlxc.core.apps;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where install scripts come from: the community-scripts repository's raw URLs (as build.func
 * fetches them), the same pinned to the catalogue's scripts commit, a mirror with the
 * repository's layout, or a local checkout ({@code --scripts-dir}).
 *
 * <p>A URL source is fetched on the node ({@code curl -fsSL}); a local checkout is read on this
 * machine and pushed.
 */
public final class ScriptSource {
    /** build.func's base: {@code misc/build.func} and the install scripts come from here. */
    public static final String COMMUNITY_SCRIPTS_BASE =
            "https://raw.githubusercontent.com/community-scripts/ProxmoxVE/main/";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern RELATIVE = Pattern.compile("(ct|install|misc)/[A-Za-z0-9._-]+");

    private final String baseUrl;
    private final Path dir;

    private ScriptSource(String baseUrl, Path dir) {
        this.baseUrl = baseUrl;
        this.dir = dir;
    }

    /**
     * The repository's {@code main} branch, exactly as build.func fetches it.
     *
     * @return the source
     */
    public static ScriptSource communityScripts() {
        return new ScriptSource(COMMUNITY_SCRIPTS_BASE, null);
    }

    /**
     * The repository at the commit the catalogue's {@code var_*} defaults were read from, so the
     * script matches the figures.
     *
     * @param catalogue the catalogue
     * @return the source
     * @throws IllegalArgumentException when the catalogue names no commit
     */
    public static ScriptSource pinned(AppCatalogue catalogue) {
        String c = catalogue.scriptsCommit();
        if (!COMMIT.matcher(c).matches()) {
            throw new IllegalArgumentException("the catalogue names no scripts commit ('" + c + "')");
        }
        return new ScriptSource("https://raw.githubusercontent.com/" + catalogue.repository() + "/" + c + "/", null);
    }

    /**
     * A mirror laid out like the repository ({@code <base>/install/<nsapp>-install.sh}).
     *
     * @param base an {@code https://} URL (or {@code http://} on a trusted network; the script runs
     *     as root in the container, so prefer https)
     * @return the source
     * @throws IllegalArgumentException for another scheme, a missing host, a query or a fragment
     */
    public static ScriptSource mirror(URI base) {
        Objects.requireNonNull(base, "base");
        String scheme = Optional.ofNullable(base.getScheme()).orElse("");
        if (!scheme.equals("https") && !scheme.equals("http") || base.getHost() == null
                || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("mirror='" + base + "': must be an http(s) URL with a host and no"
                    + " query or fragment, e.g. https://mirror.example.org/ProxmoxVE/");
        }
        String s = base.toString();
        return new ScriptSource(s.endsWith("/") ? s : s + "/", null);
    }

    /**
     * A local checkout of the scripts repository (its {@code install/} and {@code misc/}
     * directories), read on this machine.
     *
     * @param checkout the checkout's root directory
     * @return the source
     */
    public static ScriptSource localCheckout(Path checkout) {
        return new ScriptSource(null, Objects.requireNonNull(checkout, "checkout").toAbsolutePath().normalize());
    }

    /**
     * Whether scripts are read on this machine (then pushed) rather than fetched on the node.
     *
     * @return true for {@link #localCheckout(Path)}
     */
    public boolean isLocal() {
        return dir != null;
    }

    /**
     * The URL of a repository file.
     *
     * @param relative e.g. {@code install/jellyfin-install.sh}
     * @return the URL, or empty for a local checkout
     * @throws IllegalArgumentException when the path is not {@code ct/}, {@code install/} or
     *     {@code misc/} followed by a plain file name
     */
    public Optional<String> url(String relative) {
        check(relative);
        return dir == null ? Optional.of(baseUrl + relative) : Optional.empty();
    }

    /**
     * The local file of a repository file.
     *
     * @param relative e.g. {@code install/jellyfin-install.sh}
     * @return the file, or empty for a URL source
     * @throws IllegalArgumentException as {@link #url(String)}
     */
    public Optional<Path> file(String relative) {
        check(relative);
        return dir == null ? Optional.empty() : Optional.of(dir.resolve(relative));
    }

    /**
     * The location in words: the URL or the file.
     *
     * @param relative e.g. {@code install/jellyfin-install.sh}
     * @return the URL or the file's path
     */
    public String location(String relative) {
        return url(relative).orElseGet(() -> file(relative).orElseThrow().toString());
    }

    private static void check(String relative) {
        if (!RELATIVE.matcher(Objects.requireNonNull(relative, "relative")).matches()
                || relative.contains("..")) {
            throw new IllegalArgumentException("script='" + relative
                    + "': must be ct/, install/ or misc/ followed by a file name");
        }
    }

    @Override
    public String toString() {
        return dir != null ? "ScriptSource[local " + dir + "]" : "ScriptSource[" + baseUrl + "]";
    }
}
