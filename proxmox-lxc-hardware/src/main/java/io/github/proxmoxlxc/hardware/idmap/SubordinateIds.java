package io.github.proxmoxlxc.hardware.idmap;

import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The contents of {@code /etc/subuid} or {@code /etc/subgid}: lines {@code name:first:count}
 * delegating host id ranges to a user (several lines per user allowed). {@code newuidmap} and
 * {@code newgidmap} only accept maps whose host ranges lie inside these delegations, root
 * included.
 */
public final class SubordinateIds {
    private static final Pattern LINE = Pattern.compile("([^:\\s]+):(\\d{1,10}):(\\d{1,10})");

    /**
     * One delegated range.
     *
     * @param user the user name (or uid) it is delegated to
     * @param start the first host id
     * @param count how many ids
     */
    public record Delegation(String user, long start, long count) {
        /**
         * Checks the values.
         *
         * @param user the user name (or uid) it is delegated to
         * @param start the first host id
         * @param count how many ids
         */
        public Delegation {
            Objects.requireNonNull(user, "user");
            if (start < 0) {
                throw new IllegalArgumentException("start: " + start + " must be >= 0");
            }
            if (count < 0) {
                throw new IllegalArgumentException("count: " + count + " must be >= 0");
            }
        }

        /**
         * The file line.
         *
         * @return {@code user:start:count}
         */
        public String line() {
            return user + ":" + start + ":" + count;
        }
    }

    private final String file;
    private final List<Delegation> delegations;
    private final List<Violation> problems;

    private SubordinateIds(String file, List<Delegation> delegations, List<Violation> problems) {
        this.file = file;
        this.delegations = List.copyOf(delegations);
        this.problems = List.copyOf(problems);
    }

    /**
     * Parses a file leniently: blank and {@code #} lines are ignored, malformed lines are reported
     * by {@link #problems()}.
     *
     * @param file the file name for messages, e.g. {@code /etc/subgid}
     * @param text the content
     * @return the parsed file
     */
    public static SubordinateIds parse(String file, String text) {
        List<Delegation> ds = new ArrayList<>();
        List<Violation> bad = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                bad.add(new Violation(file, l, "must be 'name:first:count' with numeric first and count",
                        file + ":" + (i + 1)));
                continue;
            }
            long start = Long.parseLong(m.group(2));
            long count = Long.parseLong(m.group(3));
            if (count == 0 || start + count > IdRange.ID_LIMIT) {
                bad.add(new Violation(file, l, "count must be >= 1 and the range must end below " + IdRange.ID_LIMIT,
                        file + ":" + (i + 1)));
                continue;
            }
            ds.add(new Delegation(m.group(1), start, count));
        }
        return new SubordinateIds(file, ds, bad);
    }

    /**
     * All valid delegations, in file order.
     *
     * @return an unmodifiable list
     */
    public List<Delegation> delegations() {
        return delegations;
    }

    /**
     * Malformed lines, each with its line number.
     *
     * @return an unmodifiable list, empty for a clean file
     */
    public List<Violation> problems() {
        return problems;
    }

    /**
     * Whether {@code [start, start+count)} is delegated to a user; adjacent or overlapping ranges of
     * that user combine, as in shadow's {@code have_range}.
     *
     * @param user the user
     * @param start the first host id
     * @param count how many ids
     * @return true when every id is delegated
     */
    public boolean covers(String user, long start, long count) {
        return uncovered(user, start, start + count).isEmpty();
    }

    /**
     * Lines that would delegate whatever part of these host ranges is not delegated yet.
     *
     * @param user the user
     * @param ranges host ranges (their {@code hostStart}/{@code count} are used)
     * @return lines such as {@code root:44:1}
     */
    public List<String> missingLines(String user, List<IdRange> ranges) {
        List<String> out = new ArrayList<>();
        for (IdRange r : ranges) {
            for (long[] gap : uncovered(user, r.hostStart(), r.hostEnd())) {
                String line = user + ":" + gap[0] + ":" + (gap[1] - gap[0]);
                if (!out.contains(line)) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /**
     * A user's delegations for messages.
     *
     * @param user the user
     * @return e.g. {@code [100000-165536), [44-45)}, or {@code nothing}
     */
    public String describe(String user) {
        String s = delegations.stream().filter(d -> d.user().equals(user))
                .map(d -> "[" + d.start() + "-" + (d.start() + d.count()) + ")").collect(Collectors.joining(", "));
        return s.isEmpty() ? "nothing" : s;
    }

    /**
     * The file name given to {@link #parse}.
     *
     * @return e.g. {@code /etc/subgid}
     */
    public String file() {
        return file;
    }

    private List<long[]> uncovered(String user, long from, long to) {
        List<Delegation> mine = delegations.stream().filter(d -> d.user().equals(user))
                .sorted(Comparator.comparingLong(Delegation::start)).collect(Collectors.toList());
        List<long[]> gaps = new ArrayList<>();
        long pos = from;
        for (Delegation d : mine) {
            long ds = d.start();
            long de = d.start() + d.count();
            if (de <= pos) {
                continue;
            }
            if (ds >= to) {
                break;
            }
            if (ds > pos) {
                gaps.add(new long[] {pos, ds});
            }
            pos = Math.max(pos, de);
            if (pos >= to) {
                break;
            }
        }
        if (pos < to) {
            gaps.add(new long[] {pos, to});
        }
        return gaps;
    }
}
