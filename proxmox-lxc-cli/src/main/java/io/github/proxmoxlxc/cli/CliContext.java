package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything the CLI takes from its surroundings, passed in so tests can run it in-process: the
 * environment, stdout and stderr, whether stderr is a terminal, the working directory, the file
 * system root used for {@code .vars} search paths and GPU detection, how to set up the embedded
 * simulator, and when the foreground {@code simulator} command should stop.
 */
public final class CliContext {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean errTerminal;
    private final Path cwd;
    private final Path root;
    private final Consumer<PveSimulator.Builder> simulatorSetup;
    private final CompletableFuture<Void> stop;

    private CliContext(Builder b) {
        this.env = Map.copyOf(b.env);
        this.out = Objects.requireNonNull(b.out, "out");
        this.err = Objects.requireNonNull(b.err, "err");
        this.errTerminal = b.errTerminal;
        this.cwd = b.cwd;
        this.root = b.root;
        this.simulatorSetup = b.simulatorSetup;
        this.stop = b.stop;
    }

    /**
     * The real process: {@code System.getenv()}, {@code System.out}/{@code err}, the working
     * directory, root {@code /}. Stderr counts as a terminal when the launcher says so
     * ({@code -Dproxmoxlxc.stderrTty=true}) or, without it, when the JVM has a console.
     *
     * @return the context
     */
    public static CliContext system() {
        String tty = System.getProperty("proxmoxlxc.stderrTty");
        boolean errTty = tty != null ? Boolean.parseBoolean(tty) : hasTerminal();
        return builder()
                .env(System.getenv())
                .out(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)))
                .err(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)))
                .errTerminal(errTty)
                .cwd(Path.of("").toAbsolutePath())
                .root(Path.of("/"))
                .build();
    }

    /**
     * Whether the JVM has an interactive console. Java 22+ returns a console even when redirected
     * and added {@code Console.isTerminal()} to tell; Java 17 returns none then.
     */
    private static boolean hasTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }

    /**
     * A builder: empty environment, working directory and root {@code /}, no terminal, an
     * embedded simulator with its defaults and a time scale of 0.05, never stopped.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Map<String, String> env() {
        return env;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    boolean errTerminal() {
        return errTerminal;
    }

    Path cwd() {
        return cwd;
    }

    Path root() {
        return root;
    }

    void setUpSimulator(PveSimulator.Builder b) {
        if (simulatorSetup == null) {
            b.timeScale(0.05);
        } else {
            simulatorSetup.accept(b);
        }
    }

    CompletableFuture<Void> stop() {
        return stop;
    }

    /** Builds a {@link CliContext}. */
    public static final class Builder {
        private Map<String, String> env = Map.of();
        private PrintWriter out;
        private PrintWriter err;
        private boolean errTerminal;
        private Path cwd = Path.of("").toAbsolutePath();
        private Path root = Path.of("/");
        // null: time scale 0.05 (a default lambda here would load the testkit for every command line)
        private Consumer<PveSimulator.Builder> simulatorSetup;
        private CompletableFuture<Void> stop = new CompletableFuture<>();

        private Builder() {
        }

        /** The environment ({@code PVE_*}, {@code var_*}, {@code HOME}). */
        public Builder env(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** Standard output. */
        public Builder out(PrintWriter out) {
            this.out = out;
            return this;
        }

        /** Standard error. */
        public Builder err(PrintWriter err) {
            this.err = err;
            return this;
        }

        /** Whether stderr is a terminal (progress bar and spinner only then). */
        public Builder errTerminal(boolean terminal) {
            this.errTerminal = terminal;
            return this;
        }

        /** The working directory ({@code ./default.vars}, relative paths). */
        public Builder cwd(Path cwd) {
            this.cwd = Objects.requireNonNull(cwd, "cwd");
            return this;
        }

        /** The directory standing for {@code /} ({@code .vars} search paths, GPU detection). */
        public Builder root(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            return this;
        }

        /** How the embedded simulator (used when no {@code PVE_URL} is set) is configured. */
        public Builder simulatorSetup(Consumer<PveSimulator.Builder> setup) {
            this.simulatorSetup = Objects.requireNonNull(setup, "setup");
            return this;
        }

        /** Completes when the foreground {@code simulator} command should stop. */
        public Builder stop(CompletableFuture<Void> stop) {
            this.stop = Objects.requireNonNull(stop, "stop");
            return this;
        }

        /** Builds the context. */
        public CliContext build() {
            return new CliContext(this);
        }
    }
}
