package io.github.proxmoxlxc.hardware.internal;

/** Makes text from a host's files safe to print: control characters become visible escapes. */
public final class Terminal {
    private Terminal() {
    }

    /**
     * Replaces control characters (C0 except tab, DEL, C1) and bidirectional overrides with
     * {@code \\xNN} / {@code \\uNNNN} escapes, so a name cannot move the cursor, recolour the
     * terminal or start a new line.
     *
     * @param s the text
     * @return the text with escapes
     */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
                b.append(String.format("\\x%02x", (int) c));
            } else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
