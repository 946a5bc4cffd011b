package io.github.proxmoxlxc.core.internal;

import java.util.Comparator;

/**
 * Version ordering as build.func gets it from {@code sort -V}: runs of ASCII digits compare by value
 * (leading zeros ignored), everything else character by character, and a string that runs out first is the
 * smaller. Used wherever the newest template has to be picked, so that both pickers agree.
 */
public final class VersionOrder {
    /** The ordering as a comparator. */
    public static final Comparator<String> COMPARATOR = VersionOrder::compare;

    private VersionOrder() {
    }

    /**
     * Compares two version texts like {@code sort -V}.
     *
     * @param a one text
     * @param b the other text
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}; zero
     *     only when they differ at most in leading zeros of digit runs
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length())
                        : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * ASCII digits only, as {@code sort -V} (gnulib {@code c_isdigit}): with
     * {@link Character#isDigit} a digit run could sort before a letter that sorts before another
     * digit run, breaking transitivity.
     */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
