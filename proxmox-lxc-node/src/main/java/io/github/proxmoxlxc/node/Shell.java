package io.github.proxmoxlxc.node;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The one quoting function for every value that reaches a remote shell. Every argument is put in
 * single quotes, with each embedded single quote written as {@code '\''}; the result is one word
 * for any POSIX shell (bash, dash, busybox ash), whatever it contains: spaces, newlines, quotes,
 * {@code $}, backticks, globs, unicode. A NUL character cannot be passed to a program at all and is
 * refused.
 *
 * <pre>{@code
 * Shell.quote("it's $HOME");                        // 'it'\''s $HOME'
 * Shell.command(List.of("pct", "set", "100", "-dev0", "/dev/dri/card1,gid=44"));
 * }</pre>
 */
public final class Shell {
    private Shell() {
    }

    /**
     * Quotes one argument for a POSIX shell.
     *
     * @param value any string without NUL
     * @return the quoted word, never empty ({@code ''} for the empty string)
     * @throws IllegalArgumentException when the value contains a NUL character
     */
    public static String quote(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL character");
        }
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                b.append("'\\''");
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    /**
     * A command line from a program and its arguments, each quoted with {@link #quote(String)}.
     *
     * @param argv the program and its arguments, at least one
     * @return the command line for {@code sh -c}
     */
    public static String command(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program name");
        }
        StringJoiner j = new StringJoiner(" ");
        for (String a : argv) {
            j.add(quote(a));
        }
        return j.toString();
    }

    /**
     * A command line from a program and its arguments, each quoted.
     *
     * @param program the program
     * @param args its arguments
     * @return the command line
     */
    public static String command(String program, String... args) {
        StringJoiner j = new StringJoiner(" ");
        j.add(quote(program));
        for (String a : args) {
            j.add(quote(a));
        }
        return j.toString();
    }

    /**
     * Runs a fixed script with {@code sh -c}, passing every variable value as a positional
     * parameter ({@code $1}, {@code $2}, ...) rather than splicing it into the script: the script
     * must be a constant written by the programmer, the arguments may be anything.
     *
     * @param script a constant POSIX shell script using {@code "$1"}, {@code "$2"}, ...
     * @param args the values
     * @return {@code sh -c '<script>' sh '<arg1>' ...}
     */
    public static String script(String script, String... args) {
        StringJoiner j = new StringJoiner(" ");
        j.add("sh").add("-c").add(quote(script)).add("sh");
        for (String a : args) {
            j.add(quote(a));
        }
        return j.toString();
    }
}
