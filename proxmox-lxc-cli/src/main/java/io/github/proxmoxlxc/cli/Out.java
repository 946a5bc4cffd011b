package io.github.proxmoxlxc.cli;

import java.io.PrintWriter;

/**
 * Where output goes. With {@code --json} stdout carries exactly one JSON document and every human
 * message goes to stderr; without it results go to stdout and progress and notes to stderr.
 */
final class Out {
    private final CliContext ctx;
    private final boolean json;
    /** Set when the embedded simulator answers: every JSON document then says so. */
    private boolean simulated;

    Out(CliContext ctx, boolean json) {
        this.ctx = ctx;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    CliContext ctx() {
        return ctx;
    }

    /** A line that must come first (e.g. the simulator notice): stdout, or stderr with --json. */
    void headline(String line) {
        PrintWriter w = json ? ctx.err() : ctx.out();
        w.println(safe(line));
        w.flush();
    }

    /** A result line for people (stdout); ignored with --json. */
    void line(String line) {
        if (!json) {
            ctx.out().println(safe(line));
        }
    }

    /** A note or warning for people, always on stderr. */
    void note(String line) {
        ctx.err().println(safe(line));
        ctx.err().flush();
    }

    /** The JSON document (stdout); ignored without --json. */
    void document(Object doc) {
        if (json) {
            Object d = doc;
            if (simulated && doc instanceof java.util.Map) {
                java.util.Map<Object, Object> m = new java.util.LinkedHashMap<>((java.util.Map<?, ?>) doc);
                m.put("simulated", true); // nothing real was read or changed
                d = m;
            }
            ctx.out().println(Json.pretty(d));
        }
    }

    /** Marks the output as coming from the embedded simulator. */
    void simulated() {
        this.simulated = true;
    }

    /**
     * Text for a terminal: server and host text (container names, error messages, device names)
     * may hold escape sequences that recolour or repaint the screen; every control character but
     * newline and tab, and the bidirectional overrides, is shown as an escape instead. JSON output
     * is escaped by the JSON writer.
     */
    static String safe(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                b.append(bad ? (c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c))
                        : String.valueOf(c));
            }
        }
        return b == null ? s : b.toString();
    }

    void flush() {
        ctx.out().flush();
        ctx.err().flush();
    }
}
