package io.github.proxmoxlxc.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** A command on one container that starts a Proxmox task and waits for it ({@code start}, {@code stop}, {@code destroy}). */
abstract class TaskCommand extends VmidCommand {
    TaskCommand(CliContext ctx) {
        super(ctx);
    }

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to wait for the task, e.g. 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    void timeout(Duration d) {
        this.timeout = d;
    }
}
