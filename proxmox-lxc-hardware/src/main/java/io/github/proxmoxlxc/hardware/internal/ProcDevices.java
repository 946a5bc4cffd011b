package io.github.proxmoxlxc.hardware.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character-device section of {@code /proc/devices}: driver name to major. Majors of
 * {@code nvidia-uvm}, {@code nvidia-caps}, {@code kfd} and others are dynamic, so they are read here
 * and never assumed.
 */
public final class ProcDevices {
    private static final Pattern LINE = Pattern.compile("\\s*(\\d{1,7})\\s+(\\S.*?)\\s*");

    private final Map<String, Integer> majors;

    private ProcDevices(Map<String, Integer> majors) {
        this.majors = majors;
    }

    /**
     * Parses the file; lines that do not match are ignored, and only the
     * {@code Character devices:} section counts.
     *
     * @param text the content, possibly empty
     * @return the table
     */
    public static ProcDevices parse(String text) {
        Map<String, Integer> m = new HashMap<>();
        boolean chars = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("Character devices:")) {
                chars = true;
                continue;
            }
            if (line.isBlank() || line.startsWith("Block devices:")) {
                chars = false;
                continue;
            }
            if (!chars) {
                continue;
            }
            Matcher mm = LINE.matcher(line);
            if (mm.matches()) {
                m.putIfAbsent(mm.group(2), Integer.parseInt(mm.group(1)));
            }
        }
        return new ProcDevices(m);
    }

    /**
     * The major of a character driver.
     *
     * @param names names to try in order, e.g. {@code nvidia-frontend}, {@code nvidia}
     * @return the first major found, or empty
     */
    public OptionalInt major(String... names) {
        for (String n : names) {
            Integer v = majors.get(n);
            if (v != null) {
                return OptionalInt.of(v);
            }
        }
        return OptionalInt.empty();
    }
}
