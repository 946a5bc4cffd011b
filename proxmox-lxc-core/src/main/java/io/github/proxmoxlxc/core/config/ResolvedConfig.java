package io.github.proxmoxlxc.core.config;

import io.github.proxmoxlxc.core.internal.config.Bools;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The result of {@link ConfigResolver#resolve()}: one value per key that some layer set, each with
 * its provenance, and the warnings met on the way.
 */
public final class ResolvedConfig {
    private final String app;
    private final Map<String, ResolvedValue> values;
    private final List<ConfigWarning> warnings;

    ResolvedConfig(String app, Map<String, ResolvedValue> values, List<ConfigWarning> warnings) {
        this.app = app;
        this.values = Collections.unmodifiableMap(values);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The app name given to the resolver.
     *
     * @return the app name ({@code APP}), or empty
     */
    public Optional<String> app() {
        return Optional.ofNullable(app);
    }

    /**
     * A key's resolved value with provenance.
     *
     * @param key a key such as {@code var_cpu}
     * @return the value, or empty when no layer set the key
     */
    public Optional<ResolvedValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * A key's resolved value.
     *
     * @param key a key
     * @return the value, or empty when no layer set the key
     */
    public Optional<String> value(String key) {
        return get(key).map(ResolvedValue::value);
    }

    /**
     * A boolean key's value, whichever spelling was used ({@code yes/no}, {@code 1/0},
     * {@code true/false}, {@code on/off}, any case).
     *
     * @param key a key such as {@code var_fuse}
     * @return the boolean, or empty when not set or not a boolean spelling
     */
    public Optional<Boolean> bool(String key) {
        return value(key).flatMap(Bools::parse);
    }

    /**
     * An integer key's value.
     *
     * @param key a key such as {@code var_ram}
     * @return the number, or empty when not set or not a number
     */
    public OptionalLong number(String key) {
        Optional<String> v = value(key);
        if (v.isEmpty() || !v.get().matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(v.get()));
    }

    /**
     * Every resolved value, in whitelist order ({@code var_ctid} last).
     *
     * @return an unmodifiable map from key to value
     */
    public Map<String, ResolvedValue> values() {
        return values;
    }

    /**
     * Warnings: unknown keys, {@code export} lines, raised or undercut floors, and (in lenient
     * mode) skipped invalid values.
     *
     * @return an unmodifiable list
     */
    public List<ConfigWarning> warnings() {
        return warnings;
    }

    /**
     * Renders every value with its layer and source, what it overrode and the warnings, for a
     * person (secrets as {@code ***}). One line per key:
     * {@code var_cpu  4  env  environment}, then indented {@code overrides: ...} and notes.
     *
     * @return the text, ending with a line break
     */
    public String explain() {
        int keyWidth = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        int valueWidth = Math.min(24, values.values().stream()
                .mapToInt(v -> v.displayValue().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        if (app != null) {
            sb.append("Resolved configuration for ").append(app).append(" (")
                    .append(VarsPaths.nsapp(app)).append(")\n");
        }
        String indent = " ".repeat(keyWidth + 2);
        for (ResolvedValue v : values.values()) {
            sb.append(pad(v.key(), keyWidth)).append("  ").append(pad(v.displayValue(), valueWidth))
                    .append("  ").append(pad(v.layer().id(), 11)).append("  ")
                    .append(v.provenance().location()).append('\n');
            if (!v.note().isEmpty()) {
                sb.append(indent).append(v.note()).append('\n');
            }
            if (!v.overridden().isEmpty()) {
                sb.append(indent).append("overrides: ").append(v.overridden().stream()
                        .map(s -> s.provenance().layer().id() + "=" + s.displayValue()
                                + (s.provenance().file().isPresent()
                                        ? " (" + s.provenance().location() + ")" : ""))
                        .collect(Collectors.joining(", "))).append('\n');
            }
        }
        if (!warnings.isEmpty()) {
            sb.append("Warnings:\n");
            for (ConfigWarning w : warnings) {
                sb.append("  - ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    @Override
    public String toString() {
        return "ResolvedConfig" + values.values().stream().map(v -> v.key() + "=" + v.displayValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
