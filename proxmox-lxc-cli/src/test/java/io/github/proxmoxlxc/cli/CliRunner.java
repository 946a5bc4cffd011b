package io.github.proxmoxlxc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the CLI in-process with captured stdout and stderr. */
public final class CliRunner {
    /** What a run printed and returned. */
    public record Result(int code, String out, String err) {
        /** stderr then stdout, as a person sees them when stdout is printed last. */
        public String both() {
            return err + out;
        }
    }

    private Map<String, String> env = Map.of();
    private Path root = Path.of("/nonexistent-root");
    private Path cwd = Path.of("").toAbsolutePath();
    private boolean terminal;
    private Consumer<io.github.proxmoxlxc.testkit.PveSimulator.Builder> simulator = b -> b.timeScale(0).seed(1);

    public CliRunner env(Map<String, String> env) {
        this.env = env;
        return this;
    }

    public CliRunner root(Path root) {
        this.root = root;
        return this;
    }

    public CliRunner cwd(Path cwd) {
        this.cwd = cwd;
        return this;
    }

    public CliRunner terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    public CliRunner simulator(Consumer<io.github.proxmoxlxc.testkit.PveSimulator.Builder> setup) {
        this.simulator = setup;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = CliContext.builder()
                .env(env)
                .out(new PrintWriter(out))
                .err(new PrintWriter(err))
                .errTerminal(terminal)
                .root(root)
                .cwd(cwd)
                .simulatorSetup(simulator)
                .build();
        int code = Main.run(args, ctx);
        Result r = new Result(code, out.toString(), err.toString());
        // issue 17 items 4/5: whatever a test provokes, the CLI's output speaks of flags, never of Java
        JavaNames.assertNone("proxmox-lxc " + String.join(" ", args), r.both());
        return r;
    }
}
