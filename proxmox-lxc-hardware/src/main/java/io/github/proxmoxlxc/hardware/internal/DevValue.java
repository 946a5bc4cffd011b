package io.github.proxmoxlxc.hardware.internal;

import io.github.proxmoxlxc.core.spec.DeviceEntry;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.List;

/** Formats and checks a {@code devN} property string as pve-container accepts it. */
public final class DevValue {
    private DevValue() {
    }

    /**
     * The property string, e.g. {@code /dev/dri/renderD128,gid=106}.
     *
     * @param e the entry
     * @return the value of a {@code devN} key
     */
    public static String format(DeviceEntry e) {
        StringBuilder b = new StringBuilder(e.path());
        e.uid().ifPresent(u -> b.append(",uid=").append(u));
        e.gid().ifPresent(g -> b.append(",gid=").append(g));
        e.mode().ifPresent(m -> b.append(",mode=").append(m));
        if (e.denyWrite()) {
            b.append(",deny-write=1");
        }
        return b.toString();
    }

    /**
     * Checks an entry against pve-container's {@code $dev_desc} rules, plus the characters that
     * would break the property string or the line.
     *
     * @param field the key for messages, e.g. {@code dev0}
     * @param e the entry
     * @return the problems, empty when valid
     */
    public static List<Violation> check(String field, DeviceEntry e) {
        List<Violation> out = new ArrayList<>();
        String p = e.path();
        if (!p.startsWith("/dev/") || p.contains("/./") || p.contains("/../") || p.endsWith("/.") || p.endsWith("/..")) {
            out.add(Violation.of(field + ".path", p, "must start with /dev/ and contain no /./ or /../ segments"));
        }
        if (p.contains(",") || p.contains("=") || p.chars().anyMatch(Character::isWhitespace)
                || ConfText.lineProblem(p) != null) {
            out.add(Violation.of(field + ".path", p, "must not contain ',', '=', whitespace or control characters"));
        }
        e.mode().filter(m -> !m.matches("0[0-7]{3}"))
                .ifPresent(m -> out.add(Violation.of(field + ".mode", m, "must be 4 octal digits starting with 0")));
        e.uid().ifPresent(u -> {
            if (u < 0) {
                out.add(Violation.of(field + ".uid", String.valueOf(u), "must be >= 0"));
            }
        });
        e.gid().ifPresent(g -> {
            if (g < 0) {
                out.add(Violation.of(field + ".gid", String.valueOf(g), "must be >= 0"));
            }
        });
        return out;
    }
}
