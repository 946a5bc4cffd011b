package io.github.proxmoxlxc.core.internal.spec;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameter names of {@code POST /nodes/{node}/lxc} in the official PVE 9.1 schema, embedded
 * because core cannot read the testkit's copy at run time; a test checks that this list equals the
 * schema's.
 */
public final class CreateOptions {
    /** Every property name as the schema spells it ({@code net[n]} for the indexed ones). */
    public static final List<String> NAMES = List.of("arch", "bwlimit", "cmode", "console", "cores", "cpulimit",
            "cpuunits", "debug", "description", "dev[n]", "entrypoint", "env", "features", "force", "ha-managed",
            "hookscript", "hostname", "ignore-unpack-errors", "lock", "memory", "mp[n]", "nameserver", "net[n]",
            "node", "onboot", "ostemplate", "ostype", "password", "pool", "protection", "restore", "rootfs",
            "searchdomain", "ssh-public-keys", "start", "startup", "storage", "swap", "tags", "template", "timezone",
            "tty", "unique", "unprivileged", "unused[n]", "vmid");

    /** Highest index of each indexed option (pve-container {@code LXC/Config.pm}). */
    public static final Map<String, Integer> MAX_INDEX = Map.of("net", 31, "mp", 255, "dev", 255, "unused", 255);

    private static final Pattern INDEXED = Pattern.compile("([a-z]+)(0|[1-9]\\d{0,2})");

    private CreateOptions() {
    }

    /**
     * Whether a concrete key ({@code memory}, {@code net3}) is a create option.
     *
     * @param key the key
     * @return true if the schema defines it (with the index in range)
     */
    public static boolean isCreateOption(String key) {
        if (key.indexOf('[') < 0 && NAMES.contains(key)) {
            return true;
        }
        Matcher m = INDEXED.matcher(key);
        if (m.matches()) {
            Integer max = MAX_INDEX.get(m.group(1));
            return max != null && Integer.parseInt(m.group(2)) <= max;
        }
        return false;
    }
}
