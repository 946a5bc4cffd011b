package io.github.proxmoxlxc.cli;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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
        CommandLine cmd = commandLine(ctx, args);
        Handlers handlers = new Handlers(ctx, json);
        cmd.setParameterExceptionHandler(handlers);
        cmd.setExecutionExceptionHandler(handlers);
        int code = cmd.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    /**
     * The command line for one run. Only the subcommand that {@code args} names gets its full model (picocli
     * builds it by reflection, the largest part of start-up); the others are listed from their {@code @Command}
     * annotation alone, which is all that the top-level help, the "did you mean" hints and an unknown command's
     * error need. A run that names no subcommand therefore builds no subcommand model at all.
     */
    static CommandLine commandLine(CliContext ctx, String[] args) {
        Factory factory = new Factory(ctx);
        CommandLine cmd = new CommandLine(new RootCommand(), factory);
        VersionProvider version = new VersionProvider();
        addStandardOptions(cmd, version, Collections.newSetFromMap(new IdentityHashMap<>()));
        String named = commandName(args);
        for (Class<?> c : RootCommand.COMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (a.name().equals(named) || Arrays.asList(a.aliases()).contains(named)) {
                CommandLine sub = new CommandLine(c, factory);
                addStandardOptions(sub, version, Collections.newSetFromMap(new IdentityHashMap<>()));
                cmd.addSubcommand(sub);
            } else {
                CommandSpec listed = CommandSpec.wrapWithoutInspection(null, factory).name(a.name()).aliases(a.aliases());
                listed.usageMessage().header(a.header()).description(a.description()).hidden(a.hidden());
                cmd.addSubcommand(a.name(), listed);
            }
        }
        // after the subcommands are added, so that the settings reach them too
        cmd.setOut(ctx.out());
        cmd.setErr(ctx.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /**
     * Adds {@code -h/--help} and {@code -V/--version} to a command and its subcommands, as picocli's
     * {@code mixinStandardHelpOptions} would, and the tool's version to each (so {@code plan --version} prints it).
     * Not the annotation attribute: picocli builds that mixin through its default factory, whose first use costs
     * about 30 ms ({@link Factory}).
     */
    private static void addStandardOptions(CommandLine c, VersionProvider version, Set<CommandLine> done) {
        if (!done.add(c)) {
            return;
        }
        CommandSpec spec = c.getCommandSpec();
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.versionProvider(version);
        for (CommandLine sub : c.getSubcommands().values()) {
            addStandardOptions(sub, version, done);
        }
    }

    /**
     * The first argument that is not an option ({@code proxmox-lxc}'s own options take no value), or "" when
     * there is none.
     */
    private static String commandName(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return "";
            }
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /**
     * Reports usage errors and failures. A class rather than two lambdas: picocli ships Java 5 class files, and
     * the start-up archive (AppCDS, see the launcher) can hold its interfaces only when no lambda implements them.
     */
    private static final class Handlers implements CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionExceptionHandler {
        private final CliContext ctx;
        private final boolean json;

        Handlers(CliContext ctx, boolean json) {
            this.ctx = ctx;
            this.json = json;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            Out out = new Out(ctx, json);
            out.note("error: " + ex.getMessage());
            if (!json) {
                ex.getCommandLine().usage(ctx.err());
            } else {
                out.document(Errors.document(List.of(new ErrorEntry("usage", "", ex.getMessage(), ""))));
            }
            out.flush();
            return ExitCodes.USAGE;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine,
                                            CommandLine.ParseResult parsed) {
            return Errors.report(ex, new Out(ctx, json));
        }
    }

    /**
     * Creates commands, mixins, converters and the collections behind multi-value options, passing the context
     * to those that take it. Not a wrapper of picocli's default factory: that one looks for Groovy's
     * {@code Closure} class when it is first used, and the failed lookup opens and indexes the whole 40-MB jar,
     * about 30 ms of a start that otherwise comes entirely from the class-data archive. (picocli still uses its
     * default factory while it reads a subcommand's {@code @Option} annotations, so only a run that builds no
     * subcommand model, such as {@code --help}, saves this.)
     */
    private static final class Factory implements CommandLine.IFactory {
        private final CliContext ctx;

        Factory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls.isInterface()) {
                return cls.cast(collection(cls));
            }
            Constructor<K> c;
            try {
                c = cls.getDeclaredConstructor(CliContext.class);
                c.setAccessible(true);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                c = cls.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            }
        }

        /** The collection picocli's own factory would make for an option's declared interface type. */
        private static Object collection(Class<?> type) {
            if (List.class.isAssignableFrom(type) || type == Collection.class) {
                return new ArrayList<>();
            }
            if (SortedSet.class.isAssignableFrom(type)) {
                return new TreeSet<>();
            }
            if (Set.class.isAssignableFrom(type)) {
                return new LinkedHashSet<>();
            }
            if (Queue.class.isAssignableFrom(type)) {
                return new LinkedList<>();
            }
            if (SortedMap.class.isAssignableFrom(type)) {
                return new TreeMap<>();
            }
            if (Map.class.isAssignableFrom(type)) {
                return new LinkedHashMap<>();
            }
            throw new IllegalArgumentException("cannot create an instance of interface " + type.getName());
        }
    }
}
