package io.github.proxmoxlxc.hardware.internal;

import java.util.regex.Pattern;

/**
 * Rules that keep a value from breaking out of its line in a Proxmox config file. Core's
 * {@code NodePatch} applies the same rules (PVE's own line grammar, pve-container
 * {@code LXC/Config.pm}); {@code ConfTextAgreementTest} checks that both accept and refuse the same
 * lines, so core need not export its internals to this module.
 */
public final class ConfText {
    /** A plain Proxmox key such as {@code dev0}, {@code mp1}, {@code unprivileged}. */
    public static final Pattern PLAIN_KEY = Pattern.compile("[a-z][a-z_\\-]*\\d*");
    /** A raw LXC key, as PVE's parser accepts it. */
    public static final Pattern LXC_KEY = Pattern.compile("lxc\\.[a-z0-9_\\-.]+");
    /** PVE's raw-line regex: {@code ^(lxc\.[a-z0-9_\-\.]+)(:|\s*=)\s*(.*?)\s*$}. */
    public static final Pattern LXC_LINE = Pattern.compile("(lxc\\.[a-z0-9_\\-.]+)(?::|\\s*=)\\s*(.*?)\\s*");
    /** A plain key line: {@code key: value}. */
    public static final Pattern KEY_LINE = Pattern.compile("([a-z][a-z_\\-]*\\d*):\\s*(.*?)\\s*");
    /** A section header: {@code [snapshot]}, {@code [pve:pending]}. */
    public static final Pattern SECTION = Pattern.compile("\\[([^\\]\\n]+)\\]\\s*");

    private ConfText() {
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
}
