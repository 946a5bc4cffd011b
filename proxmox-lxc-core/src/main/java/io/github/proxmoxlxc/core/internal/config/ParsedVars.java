package io.github.proxmoxlxc.core.internal.config;

import io.github.proxmoxlxc.core.config.ConfigWarning;
import io.github.proxmoxlxc.core.config.VarsEntry;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.List;

/**
 * What the parser found in one file: valid entries, violations (invalid values, malformed lines)
 * and warnings (unknown keys, {@code export} lines, duplicates).
 *
 * @param entries valid entries in file order
 * @param violations invalid values and malformed lines
 * @param warnings everything else worth telling
 */
public record ParsedVars(List<VarsEntry> entries, List<Violation> violations,
        List<ConfigWarning> warnings) {
    /**
     * Copies the lists.
     *
     * @param entries valid entries in file order
     * @param violations invalid values and malformed lines
     * @param warnings everything else worth telling
     */
    public ParsedVars {
        entries = List.copyOf(entries);
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }
}
