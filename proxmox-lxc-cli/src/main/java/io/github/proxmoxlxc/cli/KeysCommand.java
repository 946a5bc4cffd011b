package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.VarsKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code keys}: every configuration key with its rule, built-in default and status. Offline. */
@Command(name = "keys", footer = ExitCodes.HELP,
        description = {"List every var_* key the configuration layers accept, with the rule its value must meet,"
                + " its built-in default (build.func's) and notes; offline.",
            "The same rule holds in every layer (.vars files, environment, --set): an unknown key is ignored with"
                    + " one warning on stderr, suggesting the nearest known key."})
final class KeysCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption jsonOption;

    KeysCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Out out = new Out(ctx, jsonOption.json);
        List<Map<String, Object>> keys = new ArrayList<>();
        List<String> all = new ArrayList<>(VarsKeys.WHITELIST);
        all.add(VarsKeys.CTID);
        Map<String, String> defaults = ConfigResolver.builtinDefaults();
        for (String key : all.stream().sorted().toList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            m.put("rule", VarsKeys.rule(key).orElse("any text"));
            m.put("default", key.equals("var_keyctl") ? "1 if unprivileged" : defaults.get(key));
            m.put("notes", notes(key));
            keys.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("keys", keys);
        out.document(doc);
        if (!out.json()) {
            out.line(String.format(Locale.ROOT, "%-22s %-18s %s", "KEY", "DEFAULT", "RULE / NOTES"));
            for (Map<String, Object> m : keys) {
                Object d = m.get("default");
                out.line(String.format(Locale.ROOT, "%-22s %-18s %s", m.get("key"), d == null ? "-" : d,
                        m.get("rule")).stripTrailing());
                @SuppressWarnings("unchecked")
                List<String> notes = (List<String>) m.get("notes");
                notes.forEach(n -> out.line(" ".repeat(42) + n));
            }
        }
        return ExitCodes.OK;
    }

    private static List<String> notes(String key) {
        List<String> n = new ArrayList<>();
        if (key.equals(VarsKeys.CTID)) {
            n.add("environment and --set only (not in .vars files: a container id can only exist once)");
        }
        if (List.of("var_cpu", "var_ram", "var_disk").contains(key)) {
            n.add("an app profile's value is a floor that .vars files cannot undercut");
        }
        if (key.equals("var_hostname")) {
            n.add("default: the app name with --app, else Proxmox names the container CT<vmid>");
        }
        if (key.equals("var_keyctl")) {
            n.add("default: 1 for an unprivileged container, else 0 (as build.func); needs a root@pam login");
        }
        if (key.equals("var_disk")) {
            n.add("root disk size in GB, with or without var_container_storage");
        }
        if (VarsKeys.isSecret(key)) {
            n.add("secret: shown as ***");
        }
        if (VarsKeys.nodeChannel().contains(key)) {
            n.add("acts inside the container or on the node: applied by create over SSH to the node (--ssh or"
                    + " PVE_SSH)");
        }
        if (VarsKeys.notYetImplemented().contains(key)) {
            n.add("accepted but not implemented yet: changes nothing (a warning says so when set)");
        }
        return n;
    }
}
