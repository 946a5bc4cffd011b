package io.github.proxmoxlxc.core.provision;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link NodePatchApplier} did.
 *
 * @param applied true when the patch is now in effect on the node
 * @param lines the lines written, or left for the user to apply (with {@code # <file>} headers)
 */
public record NodePatchReport(boolean applied, List<String> lines) {

    /**
     * Copies the lines.
     *
     * @param applied true when the patch is now in effect on the node
     * @param lines the lines written, or left for the user to apply (with {@code # <file>} headers)
     */
    public NodePatchReport {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    /**
     * A report for a patch that was applied.
     *
     * @param lines the lines written
     * @return the report
     */
    public static NodePatchReport applied(List<String> lines) {
        return new NodePatchReport(true, lines);
    }

    /**
     * A report for a patch that was only printed.
     *
     * @param lines the lines the user must apply
     * @return the report
     */
    public static NodePatchReport notApplied(List<String> lines) {
        return new NodePatchReport(false, lines);
    }
}
