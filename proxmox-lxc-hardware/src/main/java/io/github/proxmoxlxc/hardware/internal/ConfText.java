package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.core.internal.provision.PatchText;
import java.util.regex.Pattern;

/**
 * Rules that keep a value from breaking out of its line in a Proxmox config file. The line rules
 * shared with core's {@code NodePatch} come from core, so a patch and the file editor agree.
 */
public final class ConfText {
    /** A plain Proxmox key such as {@code dev0}, {@code mp1}, {@code unprivileged}. */
    public static final Pattern PLAIN_KEY = PatchText.PLAIN_KEY;
    /** A raw LXC key, as PVE's parser accepts it. */
    public static final Pattern LXC_KEY = Pattern.compile("lxc\\.[a-z0-9_\\-.]+");
    /** PVE's raw-line regex: {@code ^(lxc\.[a-z0-9_\-\.]+)(:|\s*=)\s*(.*?)\s*$}. */
    public static final Pattern LXC_LINE = PatchText.LXC_LINE;
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
        return PatchText.lineProblem(value);
    }
}
