package io.github.proxmoxlxc.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A command for the node's shell, built only from quoted words: a program and its arguments, or a
 * constant script with its values passed as positional parameters ({@link Shell#script}). There is
 * no way to splice an unquoted value into it. Optional environment variables (set through
 * {@code env}) and bytes for standard input.
 *
 * <pre>{@code
 * RemoteCommand.of("pct", "set", "100", "-features", "keyctl=1,nesting=1");
 * RemoteCommand.script("printf %s \"$1\" > \"$2\"", text, path);
 * }</pre>
 */
public final class RemoteCommand {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final String line;
    private final String display;
    private final byte[] stdin;

    private RemoteCommand(String line, String display, byte[] stdin) {
        this.line = line;
        this.display = display;
        this.stdin = stdin;
    }

    /**
     * A program with arguments, each quoted.
     *
     * @param program the program, e.g. {@code pct}
     * @param args its arguments
     * @return the command
     */
    public static RemoteCommand of(String program, String... args) {
        String l = Shell.command(program, args);
        return new RemoteCommand(l, l, null);
    }

    /**
     * A program with arguments, each quoted.
     *
     * @param argv the program and its arguments
     * @return the command
     */
    public static RemoteCommand of(List<String> argv) {
        String l = Shell.command(argv);
        return new RemoteCommand(l, l, null);
    }

    /**
     * A constant script run by {@code sh -c} with values as {@code $1}, {@code $2}, ...
     *
     * @param constantScript the script; never put a variable value into it
     * @param args the values
     * @return the command
     */
    public static RemoteCommand script(String constantScript, String... args) {
        String l = Shell.script(constantScript, args);
        return new RemoteCommand(l, l, null);
    }

    /**
     * A copy with environment variables set for the command through {@code env NAME=value ...};
     * their values are shown as {@code ***} in {@link #toString()} and logs.
     *
     * @param env names ({@code [A-Za-z_][A-Za-z0-9_]*}) and values
     * @return the command
     */
    public RemoteCommand withEnv(Map<String, String> env) {
        if (env.isEmpty()) {
            return this;
        }
        StringJoiner l = new StringJoiner(" ");
        StringJoiner d = new StringJoiner(" ");
        l.add("env");
        d.add("env");
        for (Map.Entry<String, String> e : new LinkedHashMap<>(env).entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("environment variable name '" + e.getKey()
                        + "' must match [A-Za-z_][A-Za-z0-9_]*");
            }
            l.add(Shell.quote(e.getKey() + "=" + Objects.requireNonNull(e.getValue(), e.getKey())));
            d.add(e.getKey() + "=***");
        }
        return new RemoteCommand(l + " " + line, d + " " + display, stdin);
    }

    /**
     * A copy that feeds these bytes to the command's standard input (then end of file).
     *
     * @param input the bytes
     * @return the command
     */
    public RemoteCommand withInput(byte[] input) {
        return new RemoteCommand(line, display, Objects.requireNonNull(input, "input").clone());
    }

    /**
     * A copy whose display form hides the arguments (for commands that carry a secret).
     *
     * @param label what to show instead, e.g. {@code chpasswd}
     * @return the command
     */
    public RemoteCommand sensitive(String label) {
        return new RemoteCommand(line, label + " (arguments hidden)", stdin);
    }

    /**
     * The command line sent to the server.
     *
     * @return the quoted line
     */
    public String line() {
        return line;
    }

    /**
     * The bytes for standard input.
     *
     * @return a copy, empty when none
     */
    public byte[] input() {
        return stdin == null ? new byte[0] : stdin.clone();
    }

    /**
     * The command words of a program with arguments, e.g. to wrap them in another program.
     *
     * @param program the outer program, e.g. {@code pct}
     * @param args its leading arguments, e.g. {@code exec 100 --}
     * @param inner the inner argv
     * @return {@code program args... inner...}, all quoted
     */
    public static RemoteCommand wrap(String program, List<String> args, List<String> inner) {
        List<String> all = new ArrayList<>();
        all.add(program);
        all.addAll(args);
        all.addAll(inner);
        return of(all);
    }

    /** The command line with environment values and sensitive arguments hidden. */
    @Override
    public String toString() {
        return display;
    }
}
