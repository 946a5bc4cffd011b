package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code template VMID}. */
@Command(name = "template", description = "Convert a stopped container into a template (for linked clones).",
        footer = ExitCodes.HELP)
final class TemplateCommand extends TaskCommand {
    TemplateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        Container ct = Containers.find(c.client(), vmid, node);
        long start = System.nanoTime();
        ct.convertToTemplate();
        // Proxmox answers without the worker's id: poll the config until the flag shows
        long deadline = start + timeout.toNanos();
        long pause = 50;
        while (!"1".equals(ct.config().values().get("template"))) {
            if (System.nanoTime() > deadline) {
                throw new CliException(ExitCodes.API, java.util.List.of(new ErrorEntry("template",
                        Integer.toString(vmid), "not a template after " + Durations.format(timeout.toMillis())
                        + "; check the node's task list or raise --timeout", "POST .../template")));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.API, java.util.List.of(new ErrorEntry("template",
                        Integer.toString(vmid), "interrupted while waiting", "")));
            }
            pause = Math.min(1000, pause * 2);
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        out.line("Converted container " + vmid + " on " + ct.node() + " into a template (" + Durations.format(ms) + ")");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", vmid);
        doc.put("node", ct.node());
        doc.put("template", true);
        doc.put("durationMs", ms);
        out.document(doc);
        return ExitCodes.OK;
    }
}
