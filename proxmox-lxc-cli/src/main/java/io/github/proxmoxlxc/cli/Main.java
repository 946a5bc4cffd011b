package io.github.proxmoxlxc.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code proxmox-lxc} command line. Run it through the {@code ./proxmox-lxc} launcher at the
 * repository root, or {@code java -jar proxmox-lxc-cli/target/proxmox-lxc.jar}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // quiet library logging unless asked for; must happen before the first logger is created
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // the CLI prints its own --insecure warning, naming options instead of the library's classes
        System.setProperty("org.slf4j.simpleLogger.log.io.github.proxmoxlxc.core.internal.client.Tls", "error");
        System.exit(run(args, CliContext.system()));
    }

    /**
     * Runs the command line in this process.
     *
     * @param args the arguments
     * @param ctx environment, streams and file system root
     * @return the exit code (see {@code --help})
     */
    public static int run(String[] args, CliContext ctx) {
        boolean json = Arrays.asList(args).contains("--json");
        CommandLine cmd = commandLine(ctx);
        cmd.setParameterExceptionHandler((ex, a) -> {
            Out out = new Out(ctx, json);
            out.note("error: " + ex.getMessage());
            if (!json) {
                ex.getCommandLine().usage(ctx.err());
            } else {
                out.document(Errors.document(List.of(new ErrorEntry("usage", "", ex.getMessage(), ""))));
            }
            out.flush();
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> Errors.report(ex, new Out(ctx, json)));
        int code = cmd.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cmd = new CommandLine(new RootCommand(), new Factory(ctx));
        cmd.setOut(ctx.out());
        cmd.setErr(ctx.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /** Creates commands and mixins, passing the context to those that take it. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliContext ctx;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
