package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.internal.config.KeyRules;
import io.github.proxmoxlxc.core.internal.config.ParsedVars;
import io.github.proxmoxlxc.core.internal.config.VarsParser;
import io.github.proxmoxlxc.core.internal.config.VarsWriter;
import io.github.proxmoxlxc.core.spec.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An app's defaults to save as {@code <app>.vars}, in the format build.func writes
 * ({@code _build_current_app_vars_tmp}) and reads back unchanged.
 *
 * <p>Keys are written in build.func's order: {@code var_os}, {@code var_version},
 * {@code var_unprivileged}, {@code var_cpu}, {@code var_ram}, {@code var_disk}, then the others
 * when non-empty. Booleans are written in the spelling build.func expects for the key
 * ({@code 0/1} or {@code yes/no}). Secrets ({@code var_pw}, {@code var_github_token}) and
 * {@code var_ctid} are never saved, as in build.func.
 *
 * <p><b>Unlike build.func</b>, whose {@code _sanitize_value} writes an empty value for anything
 * containing {@code $(}, a backtick, {@code ;}, {@code &} or {@code <(} (so tags such as
 * {@code community-script;media} are saved as {@code var_tags=}, reference §10), every value that
 * passed validation is saved as it is: the file is data, read by a parser that never executes it,
 * and a value holding {@code #} or starting with a quote is quoted so it reads back unchanged.
 *
 * <pre>{@code
 * AppDefaults d = AppDefaults.from("Jellyfin", resolvedConfig);
 * VarsDiff diff = d.diff(paths.appVars("Jellyfin"));
 * if (!diff.isEmpty()) { d.save(paths.appVars("Jellyfin"), Instant.now()); }
 * }</pre>
 */
public final class AppDefaults {
    /** The keys build.func saves, in its order; the first six are always written. */
    static final List<String> ORDER = List.of("var_os", "var_version", "var_unprivileged",
            "var_cpu", "var_ram", "var_disk", "var_brg", "var_net", "var_gateway", "var_mtu",
            "var_vlan", "var_mac", "var_ns", "var_ipv6_method", "var_ssh",
            "var_ssh_authorized_key", "var_apt_cacher", "var_apt_cacher_ip", "var_http_proxy",
            "var_http_no_proxy", "var_inherit_host_ca", "var_fuse", "var_tun", "var_gpu",
            "var_nesting", "var_keyctl", "var_mknod", "var_mount_fs", "var_protection",
            "var_timezone", "var_tags", "var_verbose", "var_hostname", "var_searchdomain",
            "var_sdn_vnet", "var_template_storage", "var_container_storage", "var_post_install");
    private static final Set<String> NEVER_SAVED = Set.of("var_pw", "var_github_token",
            VarsKeys.CTID);

    private final String app;
    private final Map<String, String> values;

    private AppDefaults(String app, Map<String, String> values) {
        this.app = app;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Defaults from explicit values.
     *
     * @param app the app name ({@code APP}), e.g. {@code Jellyfin}
     * @param values key to value; empty values are left out
     * @return the defaults
     * @throws InvalidConfigException naming every key that is unknown, never saved, invalid or
     *     not writable
     */
    public static AppDefaults of(String app, Map<String, String> values) {
        VarsPaths.nsapp(Objects.requireNonNull(app, "app"));
        Objects.requireNonNull(values, "values");
        List<Violation> violations = new ArrayList<>();
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            String value = Objects.requireNonNull(e.getValue(), key);
            String shown = VarsParser.mask(key, value);
            if (NEVER_SAVED.contains(key)) {
                violations.add(new Violation(key, shown, "not saved to app defaults (a secret or a"
                        + " container id), as in build.func", "app defaults"));
            } else if (!VarsKeys.isWhitelisted(key)) {
                violations.add(new Violation(key, shown, "one of build.func's 40 whitelisted keys",
                        "app defaults"));
            } else if (!value.isEmpty()) {
                Optional<String> broken = KeyRules.violatedRule(key, value)
                        .or(() -> VarsWriter.unwritable(value));
                if (broken.isPresent()) {
                    violations.add(new Violation(key, shown, broken.get(), "app defaults"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations);
        }
        for (String key : ORDER) {
            String v = values.get(key);
            if (v != null && !v.isEmpty()) {
                ordered.put(key, KeyRules.canonical(key, v));
            }
        }
        return new AppDefaults(app, ordered);
    }

    /**
     * The defaults build.func would save from a resolved configuration: every saved key that has
     * a value, secrets and {@code var_ctid} left out.
     *
     * @param app the app name ({@code APP})
     * @param config the resolved configuration
     * @return the defaults
     */
    public static AppDefaults from(String app, ResolvedConfig config) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : ORDER) {
            config.value(key).ifPresent(v -> m.put(key, v));
        }
        return of(app, m);
    }

    /**
     * The values to save, in file order, booleans in build.func's spelling.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * The file text: the header build.func writes, a blank line, one {@code key=value} per line.
     *
     * @param generatedAt the time for the {@code # Generated on} line (UTC, seconds)
     * @return the text, ending with a line break
     */
    public String render(Instant generatedAt) {
        StringBuilder sb = new StringBuilder();
        sb.append("# App-specific defaults for ").append(app.replaceAll("[\\p{Cntrl}]", ""))
                .append(" (").append(VarsPaths.nsapp(app)).append(")\n");
        sb.append("# Generated on ")
                .append(DateTimeFormatter.ISO_INSTANT.format(generatedAt.truncatedTo(ChronoUnit.SECONDS)))
                .append("\n\n");
        for (Map.Entry<String, String> e : values.entrySet()) {
            sb.append(VarsWriter.line(e.getKey(), e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Compares with an existing file (read leniently: its invalid lines are ignored). Booleans are
     * compared by meaning, so {@code var_fuse=0} equals {@code var_fuse=no}.
     *
     * @param existing the existing {@code <app>.vars}; a missing file counts as empty
     * @return the differences
     * @throws ProxmoxException if the file exists but cannot be read
     */
    public VarsDiff diff(Path existing) {
        Map<String, String> old = new LinkedHashMap<>();
        if (Files.exists(existing)) {
            ParsedVars parsed = VarsParser.parse(VarsFile.readText(existing), existing.toString());
            for (VarsEntry e : parsed.entries()) {
                old.put(e.key(), e.value());
            }
        }
        List<VarsDiff.Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : old.entrySet()) {
            String now = values.get(e.getKey());
            if (now == null) {
                if (!e.getValue().isEmpty()) {
                    changes.add(new VarsDiff.Change(e.getKey(), Optional.of(e.getValue()),
                            Optional.empty()));
                }
            } else if (!KeyRules.canonical(e.getKey(), e.getValue()).equals(now)) {
                changes.add(new VarsDiff.Change(e.getKey(), Optional.of(e.getValue()),
                        Optional.of(now)));
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!old.containsKey(e.getKey()) || old.get(e.getKey()).isEmpty()) {
                changes.add(new VarsDiff.Change(e.getKey(), Optional.empty(),
                        Optional.of(e.getValue())));
            }
        }
        return new VarsDiff(changes);
    }

    /**
     * Writes the file atomically (temporary file in the same directory, then a move), creating
     * parent directories, with mode {@code 0644} where the file system supports POSIX modes.
     *
     * @param file the target, usually {@link VarsPaths#appVars(String)}
     * @param generatedAt the time for the header
     * @throws ProxmoxException if the file cannot be written
     */
    public void save(Path file, Instant generatedAt) {
        byte[] text = render(generatedAt).getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".new");
            try {
                Files.write(tmp, text);
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ProxmoxException("cannot write app defaults " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "AppDefaults[" + app + ", " + values + "]";
    }
}
