package io.github.proxmoxlxc.cli;

import java.util.List;

/** A failure the CLI itself detected (bad option value, missing file), with its exit code. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final transient List<ErrorEntry> errors;

    CliException(int exitCode, List<ErrorEntry> errors) {
        super(errors.isEmpty() ? "failed" : errors.get(0).describe());
        this.exitCode = exitCode;
        this.errors = List.copyOf(errors);
    }

    /** Invalid input: one entry. */
    static CliException invalid(String key, String value, String rule) {
        return new CliException(ExitCodes.INVALID_INPUT, List.of(new ErrorEntry(key, value, rule, "")));
    }

    /** Usage: a malformed option argument (exit 2). */
    static CliException usage(String key, String value, String rule) {
        return new CliException(ExitCodes.USAGE, List.of(new ErrorEntry(key, value, rule, "")));
    }

    int exitCode() {
        return exitCode;
    }

    List<ErrorEntry> errors() {
        return errors;
    }
}
