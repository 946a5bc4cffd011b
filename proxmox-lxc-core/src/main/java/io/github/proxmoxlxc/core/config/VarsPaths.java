package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.spec.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where build.func keeps its {@code .vars} files (reference §2), resolved from what you pass in
 * (a root directory, the environment map and a working directory), never from globals.
 *
 * <ul>
 *   <li>{@code default.vars}, searched in order: {@code /usr/local/community-scripts/default.vars},
 *       {@code $HOME/.config/community-scripts/default.vars}, {@code ./default.vars}; the first
 *       existing file wins.</li>
 *   <li>App defaults: {@code /usr/local/community-scripts/defaults/<nsapp>.vars}.</li>
 * </ul>
 *
 * <p>The first two are resolved under {@code root} ({@code /} on a real host, a temporary
 * directory in tests); the working directory is used as given.
 */
public final class VarsPaths {
    private static final String BASE = "usr/local/community-scripts";
    private static final Pattern NSAPP = Pattern.compile("^[a-z0-9][a-z0-9._+-]*$");

    private final Path root;
    private final Map<String, String> env;
    private final Path workingDir;

    private VarsPaths(Path root, Map<String, String> env, Path workingDir) {
        this.root = Objects.requireNonNull(root, "root");
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    }

    /**
     * Paths under a given root.
     *
     * @param root the file-system root to resolve absolute paths under
     * @param env the environment (only {@code HOME} is read)
     * @param workingDir the directory {@code ./default.vars} is relative to
     * @return the paths
     */
    public static VarsPaths of(Path root, Map<String, String> env, Path workingDir) {
        return new VarsPaths(root, env, workingDir);
    }

    /**
     * Paths on the real host (root {@code /}).
     *
     * @param env the environment (only {@code HOME} is read)
     * @param workingDir the directory {@code ./default.vars} is relative to
     * @return the paths
     */
    public static VarsPaths forHost(Map<String, String> env, Path workingDir) {
        return new VarsPaths(Path.of("/"), env, workingDir);
    }

    /**
     * build.func's {@code NSAPP}: the app name in lower case with spaces removed.
     *
     * @param app the app name, e.g. {@code Home Assistant}
     * @return the normalised name, e.g. {@code homeassistant}
     * @throws InvalidConfigException if the result is not a safe file name (letters, digits,
     *     {@code .}, {@code _}, {@code +}, {@code -}; no {@code ..})
     */
    public static String nsapp(String app) {
        String n = app.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!NSAPP.matcher(n).matches() || n.contains("..")) {
            throw new InvalidConfigException(List.of(new Violation("app", app,
                    "an app name that becomes a safe file name when lower-cased without spaces:"
                            + " a-z or 0-9 first, then a-z, 0-9, '.', '_', '+', '-', no '..'",
                    "")));
        }
        return n;
    }

    /**
     * The global file build.func creates: {@code /usr/local/community-scripts/default.vars}.
     *
     * @return the path under root
     */
    public Path globalDefaultVars() {
        return root.resolve(BASE).resolve("default.vars");
    }

    /**
     * The {@code default.vars} candidates in search order.
     *
     * @return the global file, the one under {@code $HOME} (when {@code HOME} is set) and
     *     {@code ./default.vars}
     */
    public List<Path> defaultVarsCandidates() {
        List<Path> list = new ArrayList<>();
        list.add(globalDefaultVars());
        String home = env.get("HOME");
        if (home != null && !home.isEmpty()) {
            list.add(underRoot(home).resolve(".config/community-scripts/default.vars"));
        }
        list.add(workingDir.resolve("default.vars"));
        return list;
    }

    /**
     * The first existing {@code default.vars}, as build.func's {@code _find_default_vars}.
     *
     * @return the file, or empty when none exists
     */
    public Optional<Path> findDefaultVars() {
        return defaultVarsCandidates().stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * The app's saved defaults file.
     *
     * @param app the app name ({@code APP}); normalised with {@link #nsapp(String)}
     * @return {@code /usr/local/community-scripts/defaults/<nsapp>.vars} under root
     */
    public Path appVars(String app) {
        return root.resolve(BASE).resolve("defaults").resolve(nsapp(app) + ".vars");
    }

    private Path underRoot(String absolute) {
        String rel = absolute;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        return root.resolve(rel);
    }
}
