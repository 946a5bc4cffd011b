package io.github.proxmoxlxc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code push}: copy a local file into a container over SSH to its node ({@code pct push}). */
@Command(name = "push", description = {"Copy a local file into a container, over SSH to its node (pct push).",
            "The file goes to a temporary file on the node, then pct push writes it inside the container as the"
                    + " container's root. Needs --ssh (PVE_SSH), or no PVE_URL for the embedded simulator."},
        footer = ExitCodes.HELP)
final class PushCommand extends VmidCommand {
    /** The largest file pushed (it passes through memory). */
    static final long MAX_BYTES = 256L << 20;

    @Mixin
    SshOptions ssh;

    @Parameters(index = "1", paramLabel = "LOCAL", description = "The file on this machine.")
    Path local;

    @Parameters(index = "2", paramLabel = "REMOTE", description = "The absolute path inside the container.")
    String remote;

    @Option(names = "--perms", paramLabel = "MODE", description = "File mode inside the container, octal, e.g. 0644.")
    String perms;

    PushCommand(CliContext ctx) {
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
        if (!remote.startsWith("/")) {
            throw CliException.invalid("REMOTE", remote, "must be an absolute path inside the container, e.g. /root/app.env");
        }
        if (perms != null && !perms.matches("0?[0-7]{3}")) {
            throw CliException.invalid("--perms", perms, "must be an octal mode such as 0644 or 600");
        }
        Path f = ctx.cwd().resolve(local);
        byte[] content;
        try {
            if (!Files.isRegularFile(f)) {
                throw CliException.invalid("LOCAL", local.toString(), "must be a readable regular file");
            }
            try (InputStream in = Files.newInputStream(f)) {
                content = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw CliException.invalid("LOCAL", local.toString(), "must be a readable file: " + e.getMessage());
        }
        if (content.length > MAX_BYTES) {
            throw CliException.invalid("LOCAL", local.toString(), "is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        String on = NodeExec.push(c, vmid, node, content, remote, perms);
        out.line("Pushed " + local + " (" + content.length + " bytes) to " + remote + " in container " + vmid + " on "
                + on + ".");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", vmid);
        doc.put("node", on);
        doc.put("source", local.toString());
        doc.put("destination", remote);
        doc.put("bytes", content.length);
        out.document(doc);
        return ExitCodes.OK;
    }
}
