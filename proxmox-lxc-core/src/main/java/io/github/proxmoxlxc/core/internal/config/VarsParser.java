package io.github.proxmoxlxc.core.internal.config;

import io.github.proxmoxlxc.core.config.ConfigWarning;
import io.github.proxmoxlxc.core.config.VarsEntry;
import io.github.proxmoxlxc.core.config.VarsKeys;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code .vars} format as build.func's {@code load_vars_file} does (reference §2),
 * line by line, without ever executing or interpolating a value.
 *
 * <p>Differences, each reported rather than silent: a malformed line is a violation (build.func
 * skips it without a word); an {@code export var_x=...} line is ignored as build.func ignores it
 * (so one file gives the same container in both tools), with a warning saying why; unknown and
 * non-{@code var_} keys are warnings; a key set twice is a warning and the later line wins.
 */
public final class VarsParser {
    private static final Pattern LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$",
            Pattern.DOTALL);
    private static final Pattern EXPORT = Pattern.compile("^export[ \\t]+");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("^\"(.*)\"$", Pattern.DOTALL);
    private static final Pattern SINGLE_QUOTED = Pattern.compile("^'(.*)'$", Pattern.DOTALL);
    private static final String MALFORMED_RULE = "a line 'var_key=value' (no spaces around '=')"
            + ", a comment starting with '#' or an empty line";

    private VarsParser() {
    }

    /**
     * Parses file content.
     *
     * @param content the text of the file
     * @param location the file name used in messages
     * @return entries, violations and warnings
     */
    public static ParsedVars parse(String content, String location) {
        List<VarsEntry> entries = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<ConfigWarning> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        // A UTF-8 byte order mark (editors on Windows add one) is not part of the first key.
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String src = location + ":" + lineNo;
            String line = trim(lines[i]);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher export = EXPORT.matcher(line);
            boolean exported = export.find();
            if (exported) {
                line = line.substring(export.end());
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                violations.add(new Violation("line", maskLine(line), MALFORMED_RULE, src));
                continue;
            }
            String key = m.group(1);
            if (exported) {
                warnings.add(new ConfigWarning(key, "'export' line ignored, as build.func ignores it (its"
                        + " load_vars_file skips lines that start with 'export'); drop 'export ' to use the value",
                        src));
                continue;
            }
            if (!key.startsWith("var_")) {
                warnings.add(new ConfigWarning(key, "not a var_* key; ignored", src));
                continue;
            }
            if (VarsKeys.CTID.equals(key)) {
                warnings.add(new ConfigWarning(key, "not allowed in .vars files (a container id"
                        + " can only exist once); ignored, set it in the environment or"
                        + " explicitly", src));
                continue;
            }
            if (!VarsKeys.isWhitelisted(key)) {
                warnings.add(new ConfigWarning(key, KeyRules.unknownKeyMessage(key), src));
                continue;
            }
            String value = value(m.group(2));
            if (!value.isEmpty()) {
                Optional<String> broken = KeyRules.violatedRule(key, value);
                if (broken.isPresent()) {
                    violations.add(new Violation(key, mask(key, value), broken.get(), src));
                    continue;
                }
            }
            Integer previous = seen.put(key, lineNo);
            if (previous != null) {
                warnings.add(new ConfigWarning(key, "set again; line " + lineNo
                        + " overrides line " + previous, src));
            }
            entries.add(new VarsEntry(key, value, lineNo));
        }
        return new ParsedVars(entries, violations, warnings);
    }

    /**
     * Extracts a value as build.func does: an unquoted value loses everything from the first
     * {@code #}; surrounding double or single quotes are stripped; trailing whitespace is trimmed.
     *
     * @param raw the text after {@code =}
     * @return the value
     */
    static String value(String raw) {
        String v = raw;
        if (!v.startsWith("\"") && !v.startsWith("'")) {
            int hash = v.indexOf('#');
            if (hash >= 0) {
                v = v.substring(0, hash);
            }
        }
        Matcher dq = DOUBLE_QUOTED.matcher(v);
        Matcher sq = SINGLE_QUOTED.matcher(v);
        if (dq.matches()) {
            v = dq.group(1);
        } else if (sq.matches()) {
            v = sq.group(1);
        }
        return trimTrailing(v);
    }

    /**
     * Masks a secret key's value.
     *
     * @param key the key
     * @param value the value
     * @return {@code ***} for a non-empty secret, the value otherwise
     */
    public static String mask(String key, String value) {
        return VarsKeys.isSecret(key) && !value.isEmpty() ? "***" : value;
    }

    private static String maskLine(String line) {
        for (String secret : new String[] {"var_pw", "var_github_token"}) {
            if (line.contains(secret)) {
                return "***";
            }
        }
        return line;
    }

    /** Whitespace as bash's [[:space:]] in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static String trim(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return trimTrailing(s.substring(start));
    }

    static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
