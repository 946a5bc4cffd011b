package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.client.Upid;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A command acting on one container. */
abstract class VmidCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "VMID", description = "The container id (100..999999999).")
    int vmid;

    @Option(names = "--node", paramLabel = "NODE", description = "The node the container is on (default: looked up).")
    String node;

    /** How long {@link #finish} waits for the task; commands that start a task offer {@code --timeout}. */
    Duration timeout = Duration.ofMinutes(5);

    VmidCommand(CliContext ctx) {
        super(ctx);
    }

    void checkVmid() {
        if (vmid < 100 || vmid > 999_999_999) {
            throw CliException.invalid("vmid", Integer.toString(vmid), "must be 100..999999999 (pve-vmid)");
        }
    }

    /** Waits for a task and reports it (human line or JSON document). */
    int finish(Connection c, Out out, String node, Upid upid, String verb, String status) {
        long start = System.nanoTime();
        TaskResult r = c.client().tasks().await(upid, timeout);
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        out.line(verb + " container " + vmid + " on " + node + " (" + Durations.format(ms) + ")"
                + (r.warnings() > 0 ? ", " + r.warnings() + " warning(s)" : ""));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", vmid);
        doc.put("node", node);
        doc.put("status", status);
        doc.put("task", upid.toString());
        doc.put("exitStatus", r.exitStatus());
        doc.put("durationMs", ms);
        out.document(doc);
        return ExitCodes.OK;
    }
}
