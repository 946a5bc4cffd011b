package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.internal.spec.Checks;
import io.github.proxmoxlxc.core.internal.spec.DevCodec;
import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rules that keep a node-patch value from breaking out of its line in a Proxmox config file (the
 * hardware module applies the same rules in its own {@code ConfText}), and
 * the {@code devN} value format (core's {@code dev[n]} codec, so a patch and a spec agree).
 */
public final class PatchText {
    /** A plain Proxmox key such as {@code dev0}, {@code mp1}, {@code unprivileged}. */
    public static final Pattern PLAIN_KEY = Pattern.compile("[a-z][a-z_\\-]*\\d*");
    /** PVE's raw-line regex: {@code ^(lxc\.[a-z0-9_\-\.]+)(:|\s*=)\s*(.*?)\s*$}. */
    public static final Pattern LXC_LINE = Pattern.compile("(lxc\\.[a-z0-9_\\-.]+)(?::|\\s*=)\\s*(.*?)\\s*");

    private PatchText() {
    }

    /**
     * Why a value cannot be stored on one config line, or null when it can.
     *
     * @param value the value
     * @return the broken rule, or null
     */
    public static String lineProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029') {
                return String.format("must not contain control characters or line breaks (found U+%04X at %d)",
                        (int) c, i);
            }
        }
        if (!value.equals(value.strip())) {
            return "must not start or end with whitespace (it would not survive a re-read)";
        }
        return null;
    }

    /**
     * The {@code devN} property string, e.g. {@code /dev/dri/renderD128,gid=106}, unchecked.
     *
     * @param e the entry
     * @return the value
     */
    public static String formatDevice(DeviceEntry e) {
        return DevCodec.printUnchecked(e);
    }

    /**
     * Checks a device entry with the spec's {@code dev[n]} rules.
     *
     * @param field e.g. {@code dev0}
     * @param e the entry
     * @return the problems, empty when valid
     */
    public static List<Violation> checkDevice(String field, DeviceEntry e) {
        Checks c = new Checks();
        DevCodec.validate(field, e, c);
        return c.violations();
    }
}
