package io.github.proxmoxlxc.hardware.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses an {@code /etc/group} file ({@code name:password:gid:members}) leniently. */
public final class GroupFile {
    private static final Pattern LINE = Pattern.compile("([^:#\\s][^:]*):[^:]*:(\\d{1,10}):.*");

    private GroupFile() {
    }

    /**
     * Group names to gids; malformed lines are skipped, the first line for a name wins.
     *
     * @param text the file content
     * @return an ordered map
     */
    public static Map<String, Integer> parse(String text) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            Matcher mm = LINE.matcher(line.strip());
            if (mm.matches()) {
                long gid = Long.parseLong(mm.group(2));
                if (gid <= Integer.MAX_VALUE) {
                    m.putIfAbsent(mm.group(1), (int) gid);
                }
            }
        }
        return m;
    }
}
