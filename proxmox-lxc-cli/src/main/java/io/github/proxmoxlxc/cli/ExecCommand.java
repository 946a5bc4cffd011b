package io.github.proxmoxlxc.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exec}: run a command in a container over SSH to its node ({@code pct exec}). */
@Command(name = "exec", description = {"Run a command inside a container, over SSH to its node (pct exec).",
            "Give the command after --, e.g. exec 100 -- apt-get update. Its output is streamed as it comes"
                    + " (stdout to stdout, stderr to stderr) and its exit status becomes this command's exit status;"
                    + " failures of the CLI itself (no --ssh, no such container, SSH refused) exit with the codes"
                    + " below. With --json the output is collected into one document instead. Needs --ssh"
                    + " (PVE_SSH), or no PVE_URL for the embedded simulator."},
        footer = ExitCodes.HELP)
final class ExecCommand extends VmidCommand {
    @Mixin
    SshOptions ssh;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*",
            description = "The command and its arguments, after --.")
    List<String> command = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up (and end the command) after this long, e.g. 30m (default: 10m).")
    Duration execTimeout = Duration.ofMinutes(10);

    ExecCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    SshOptions sshOptions() {
        return ssh;
    }

    @Override
    Path embeddedHostTree() {
        return null;
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        if (execTimeout.isNegative() || execTimeout.isZero()) {
            throw CliException.invalid("--timeout", execTimeout.toString(), "must be positive");
        }
        NodeExec.Outcome r = NodeExec.exec(c, vmid, node, command, execTimeout, out);
        if (out.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("vmid", vmid);
            doc.put("node", r.node());
            doc.put("command", command);
            doc.put("exitStatus", r.exitStatus());
            doc.put("stdout", r.stdout());
            doc.put("stderr", r.stderr());
            doc.put("durationMs", r.durationMs());
            out.document(doc);
        }
        return r.exitStatus();
    }
}
