package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.internal.config.ParsedVars;
import io.github.proxmoxlxc.core.internal.config.VarsParser;
import io.github.proxmoxlxc.core.spec.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code .vars} file in {@code build.func}'s format (reference §2).
 *
 * <p>Format: one {@code var_key=value} per line; leading and trailing whitespace of a line is
 * ignored; empty lines and lines starting with {@code #} are comments; no spaces around
 * {@code =}. An unquoted value ends at the first {@code #} (inline comment); surrounding
 * {@code "..."} or {@code '...'} are stripped (then a {@code #} is kept); trailing whitespace is
 * trimmed. Values are never executed or interpolated: {@code $(...)}, backticks and
 * {@code $VAR} stay literal text. Only the 40 keys of {@link VarsKeys#WHITELIST} are used.
 *
 * <p>Each non-empty value must pass its key's rule (build.func's per-key validation of reference
 * §1a); boolean keys accept {@code yes/no}, {@code 1/0}, {@code true/false}, {@code on/off} in any
 * case. Unknown keys are warnings. In {@link Strictness#STRICT} mode (the default) invalid values
 * and malformed lines throw {@link InvalidConfigException} naming file, line, key, value and rule;
 * {@link Strictness#LENIENT} turns them into warnings and skips the line, as build.func does.
 * Unlike build.func, an {@code export var_x=...} line is used (with a warning) instead of being
 * silently ignored.
 *
 * <pre>{@code
 * VarsFile f = VarsFile.read(Path.of("/usr/local/community-scripts/default.vars"));
 * f.value("var_cpu");   // Optional[1]
 * }</pre>
 */
public final class VarsFile {
    private final Path origin;
    private final List<VarsEntry> entries;
    private final List<ConfigWarning> warnings;

    private VarsFile(Path origin, List<VarsEntry> entries, List<ConfigWarning> warnings) {
        this.origin = origin;
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads and parses a file strictly.
     *
     * @param file the file (UTF-8; malformed bytes are replaced, never fatal)
     * @return the parsed file
     * @throws InvalidConfigException if a value is invalid or a line malformed
     * @throws ProxmoxException if the file cannot be read
     */
    public static VarsFile read(Path file) {
        return read(file, Strictness.STRICT);
    }

    /**
     * Reads and parses a file.
     *
     * @param file the file
     * @param strictness whether invalid values are errors or warnings
     * @return the parsed file
     * @throws InvalidConfigException in strict mode, if a value is invalid or a line malformed
     * @throws ProxmoxException if the file cannot be read
     */
    public static VarsFile read(Path file, Strictness strictness) {
        return parse(readText(file), file, strictness);
    }

    /**
     * Parses text in the {@code .vars} format.
     *
     * @param content the text
     * @param origin the file name to report in messages and provenance (need not exist)
     * @param strictness whether invalid values are errors or warnings
     * @return the parsed file
     * @throws InvalidConfigException in strict mode, if a value is invalid or a line malformed
     */
    public static VarsFile parse(String content, Path origin, Strictness strictness) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(strictness, "strictness");
        ParsedVars parsed = VarsParser.parse(content, origin.toString());
        List<ConfigWarning> warnings = new ArrayList<>(parsed.warnings());
        if (!parsed.violations().isEmpty()) {
            if (strictness == Strictness.STRICT) {
                throw new InvalidConfigException(parsed.violations());
            }
            for (Violation v : parsed.violations()) {
                warnings.add(asWarning(v));
            }
        }
        return new VarsFile(origin, parsed.entries(), warnings);
    }

    static ConfigWarning asWarning(Violation v) {
        return new ConfigWarning(v.field(), "invalid value '" + v.value() + "' ignored: must be "
                + v.rule(), v.source());
    }

    static String readText(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProxmoxException("cannot read .vars file " + file + ": " + e, e);
        }
    }

    /**
     * The file this was parsed from (or the name given to {@link #parse}).
     *
     * @return the path
     */
    public Path origin() {
        return origin;
    }

    /**
     * The valid entries, in file order; a key set twice appears twice.
     *
     * @return an unmodifiable list
     */
    public List<VarsEntry> entries() {
        return entries;
    }

    /**
     * The entry that counts for a key: the last line setting it.
     *
     * @param key a key such as {@code var_cpu}
     * @return the entry, or empty when the file does not set the key
     */
    public Optional<VarsEntry> get(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(key)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The value that counts for a key.
     *
     * @param key a key
     * @return the value (possibly empty text), or empty when not set
     */
    public Optional<String> value(String key) {
        return get(key).map(VarsEntry::value);
    }

    /**
     * Every key's value that counts, in the order keys first appear.
     *
     * @return an unmodifiable map (values may be empty text)
     */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (VarsEntry e : entries) {
            m.put(e.key(), e.value());
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Unknown keys, {@code export} lines, duplicates and (in lenient mode) skipped invalid values.
     *
     * @return an unmodifiable list
     */
    public List<ConfigWarning> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "VarsFile[" + origin + ", " + entries.size() + " entries]";
    }
}
