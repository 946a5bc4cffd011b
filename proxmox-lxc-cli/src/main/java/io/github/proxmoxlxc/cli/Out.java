package io.github.proxmoxlxc.cli;

import java.io.PrintWriter;

/**
 * Where output goes. With {@code --json} stdout carries exactly one JSON document and every human
 * message goes to stderr; without it results go to stdout and progress and notes to stderr.
 */
final class Out {
    private final CliContext ctx;
    private final boolean json;

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
        w.println(line);
        w.flush();
    }

    /** A result line for people (stdout); ignored with --json. */
    void line(String line) {
        if (!json) {
            ctx.out().println(line);
        }
    }

    /** A note or warning for people, always on stderr. */
    void note(String line) {
        ctx.err().println(line);
        ctx.err().flush();
    }

    /** The JSON document (stdout); ignored without --json. */
    void document(Object doc) {
        if (json) {
            ctx.out().println(Json.pretty(doc));
        }
    }

    void flush() {
        ctx.out().flush();
        ctx.err().flush();
    }
}
