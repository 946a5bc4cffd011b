package io.github.proxmoxlxc.cli;

import java.nio.file.Path;
import java.util.Map;

/** Lets the regression tests in {@code issues} run the CLI in-process as {@link CliRunner} does. */
public final class Issue10Cli {
    /** What a run printed and returned. */
    public record Run(int code, String out, String err) {
    }

    private Issue10Cli() {
    }

    /** Runs the CLI with this environment. */
    public static Run run(Map<String, String> env, String... args) {
        CliRunner.Result r = new CliRunner().env(env).run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    /** Runs the CLI with this environment and host root (for gpus). */
    public static Run run(Map<String, String> env, Path root, String... args) {
        CliRunner.Result r = new CliRunner().env(env).root(root).run(args);
        return new Run(r.code(), r.out(), r.err());
    }
}
