package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.HaRequestState;
import io.github.proxmoxlxc.core.client.HaResource;
import io.github.proxmoxlxc.core.client.HaStatusEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ha add|remove|list|status}. */
@Command(name = "ha", description = "Manage containers as HA resources and show the HA manager's status.",
        synopsisSubcommandLabel = "COMMAND", footer = ExitCodes.HELP,
        subcommands = {HaCommand.Add.class, HaCommand.Remove.class, HaCommand.ListResources.class,
            HaCommand.Status.class})
final class HaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing COMMAND: one of add, remove, list, status");
    }

    static int checkVmid(int vmid) {
        if (vmid < 100 || vmid > 999_999_999) {
            throw CliException.invalid("VMID", Integer.toString(vmid), "must be 100..999999999 (pve-vmid)");
        }
        return vmid;
    }

    static Map<String, Object> json(HaResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sid", r.sid());
        m.put("vmid", r.vmid());
        m.put("state", r.rawState().orElse("started"));
        m.put("group", r.group().orElse(null));
        m.put("maxRestart", r.maxRestart().orElse(1));
        m.put("maxRelocate", r.maxRelocate().orElse(1));
        m.put("comment", r.comment().orElse(null));
        return m;
    }

    /**
     * The {@code --state} value as the library's state; {@code enabled} stays accepted as Proxmox's alias of
     * {@code started}.
     */
    static HaRequestState requestState(String text) {
        switch (text) {
            case "started":
            case "enabled":
                return HaRequestState.STARTED;
            case "stopped":
                return HaRequestState.STOPPED;
            case "disabled":
                return HaRequestState.DISABLED;
            case "ignored":
                return HaRequestState.IGNORED;
            default:
                throw CliException.invalid("--state", text, "must be one of started, stopped, enabled, disabled, "
                        + "ignored");
        }
    }

    /** {@code ha add VMID}: adds, or with {@code --update} changes, a container's HA resource. */
    @Command(name = "add", description = "Add a container as an HA resource (with --update: change its options).",
            footer = ExitCodes.HELP)
    static final class Add extends ClientCommand {
        @Parameters(index = "0", paramLabel = "VMID", description = "The container.")
        int vmid;

        @Option(names = "--state", paramLabel = "STATE",
                description = "started, stopped, disabled or ignored (Proxmox's default: started).")
        String state;

        @Option(names = "--group", paramLabel = "GROUP", description = "The HA group.")
        String group;

        @Option(names = "--max-restart", paramLabel = "N", description = "Restarts on the node before relocating (0..10).")
        Integer maxRestart;

        @Option(names = "--max-relocate", paramLabel = "N", description = "Relocations to other nodes (0..10).")
        Integer maxRelocate;

        @Option(names = "--comment", paramLabel = "TEXT", description = "A comment.")
        String comment;

        @Option(names = "--update", description = "Change an existing resource instead of adding one.")
        boolean update;

        Add(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            HaResource.Builder b = HaResource.builder(checkVmid(vmid));
            if (state != null) {
                b.state(requestState(state));
            }
            try {
                if (group != null) {
                    b.group(group);
                }
                if (maxRestart != null) {
                    b.maxRestart(maxRestart);
                }
                if (maxRelocate != null) {
                    b.maxRelocate(maxRelocate);
                }
                if (comment != null) {
                    b.comment(comment);
                }
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                String flag = "--" + msg.substring(0, msg.indexOf(':')).replaceAll("([A-Z])", "-$1").toLowerCase(
                        java.util.Locale.ROOT);
                throw CliException.invalid(flag, msg.replaceFirst("^[^:]*: '?([^' ]*)'?.*$", "$1"),
                        msg.replaceFirst("^[^:]*: '?[^' ]*'? ?", ""));
            }
            if (update) {
                c.client().cluster().ha().update(b.build());
            } else {
                c.client().cluster().ha().add(b.build());
            }
            HaResource now = c.client().cluster().ha().resource(vmid).orElseThrow();
            out.line((update ? "Updated" : "Added") + " HA resource " + now.sid() + " (state "
                    + now.rawState().orElse("started") + ", max restart " + now.maxRestart().orElse(1)
                    + ", max relocate " + now.maxRelocate().orElse(1) + ")");
            out.document(json(now));
            return ExitCodes.OK;
        }
    }

    /** {@code ha remove VMID}. */
    @Command(name = "remove", description = "Remove a container from HA (the container itself stays).",
            footer = ExitCodes.HELP)
    static final class Remove extends ClientCommand {
        @Parameters(index = "0", paramLabel = "VMID", description = "The container.")
        int vmid;

        Remove(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            c.client().cluster().ha().remove(checkVmid(vmid));
            out.line("Removed HA resource ct:" + vmid);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("sid", "ct:" + vmid);
            doc.put("removed", true);
            out.document(doc);
            return ExitCodes.OK;
        }
    }

    /** {@code ha list}. */
    @Command(name = "list", description = "List the containers that are HA resources.",
            footer = ExitCodes.HELP)
    static final class ListResources extends ClientCommand {
        ListResources(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            List<HaResource> all = c.client().cluster().ha().resources();
            out.line(String.format(java.util.Locale.ROOT, "%-12s %-9s %-10s %-8s %-9s %s", "SID", "STATE", "GROUP",
                    "RESTART", "RELOCATE", "COMMENT"));
            List<Map<String, Object>> docs = new ArrayList<>();
            for (HaResource r : all) {
                out.line(String.format(java.util.Locale.ROOT, "%-12s %-9s %-10s %-8d %-9d %s", r.sid(),
                        r.rawState().orElse("started"), r.group().orElse("-"), r.maxRestart().orElse(1),
                        r.maxRelocate().orElse(1), r.comment().orElse("")).stripTrailing());
                docs.add(json(r));
            }
            out.document(Map.of("resources", docs));
            return ExitCodes.OK;
        }
    }

    /** {@code ha status}. */
    @Command(name = "status", description = "Show the HA manager's status: quorum, master, nodes, resources.",
            footer = ExitCodes.HELP)
    static final class Status extends ClientCommand {
        Status(CliContext ctx) {
            super(ctx);
        }

        @Override
        int run(Connection c, Out out) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (HaStatusEntry e : c.client().cluster().ha().status()) {
                out.line(String.format(java.util.Locale.ROOT, "%-9s %s", e.type(), e.status()));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("type", e.type());
                m.put("node", e.node().orElse(null));
                m.put("status", e.status());
                e.sid().ifPresent(v -> m.put("sid", v));
                e.rawState().ifPresent(v -> m.put("state", v));
                e.rawRequestState().ifPresent(v -> m.put("requestState", v));
                docs.add(m);
            }
            out.document(Map.of("entries", docs));
            return ExitCodes.OK;
        }
    }
}
