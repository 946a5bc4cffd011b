package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.ConfigChangedException;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code set VMID KEY=VALUE... [--delete KEY]}: a config change guarded by the digest. */
@Command(name = "set", description = "Change container options (KEY=VALUE, as in the API); refused, not overwritten, "
        + "if the config changed meanwhile.", footer = ExitCodes.HELP)
final class SetCommand extends VmidCommand {
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "Options to set, e.g. memory=2048 cores=2.")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--delete", paramLabel = "KEY", description = "Remove an option (repeatable).")
    List<String> delete = new ArrayList<>();

    @Option(names = "--digest", paramLabel = "SHA1", description = "Apply only if the config still has this digest "
            + "(from an earlier read, e.g. set --json digestAfter); default: the digest read just before the change.")
    String digest;

    SetCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int run(Connection c, Out out) {
        checkVmid();
        Map<String, String> params = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw CliException.invalid("KEY=VALUE", a, "must be an option name, '=' and a value, e.g. memory=2048");
            }
            params.put(a.substring(0, eq), a.substring(eq + 1));
        }
        for (String d : delete) {
            if (params.containsKey(d)) {
                throw CliException.invalid("--delete", d, "is also set; set it or delete it, not both");
            }
        }
        if (params.isEmpty() && delete.isEmpty()) {
            throw CliException.invalid("KEY=VALUE", "", "name at least one option to set or --delete");
        }
        if (!delete.isEmpty()) {
            params.put("delete", String.join(",", delete));
        }
        Container ct = Containers.find(c.client(), vmid, node);
        ContainerConfig before = ct.config();
        String guard = digest != null ? digest : before.digest();
        try {
            ct.updateConfig(params, guard);
        } catch (ConfigChangedException e) {
            throw new CliException(ExitCodes.API, List.of(new ErrorEntry("digest", guard,
                    "the container's config changed since it was read; nothing was changed. Check the change "
                            + "and run set again (without --digest it reads the current one)", "PUT /nodes/" + ct.node() + "/lxc/" + vmid + "/config")));
        }
        ContainerConfig after = ct.config();
        Map<String, Object> changed = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("delete")) {
                changed.put(k, after.values().get(k));
            }
        });
        out.line("Updated container " + vmid + " on " + ct.node() + ": " + String.join(", ", changed.keySet())
                + (delete.isEmpty() ? "" : (changed.isEmpty() ? "" : "; ") + "removed " + String.join(", ", delete)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", vmid);
        doc.put("node", ct.node());
        doc.put("set", changed);
        doc.put("deleted", delete);
        doc.put("digestBefore", before.digest());
        doc.put("digestAfter", after.digest());
        out.document(doc);
        return ExitCodes.OK;
    }
}
