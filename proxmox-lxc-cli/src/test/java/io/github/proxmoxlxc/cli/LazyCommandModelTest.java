package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Issue 13 item 4: a run builds the full picocli model of the one subcommand it names and lists the others from
 * their annotations; what a user sees must not depend on which of the two a command got.
 */
class LazyCommandModelTest {

    private static CommandLine commandLine(String... args) {
        CliContext ctx = CliContext.builder().env(Map.of()).out(new PrintWriter(new StringWriter()))
                .err(new PrintWriter(new StringWriter())).build();
        return Main.commandLine(ctx, args);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Class<?> c : RootCommand.COMMANDS) {
            names.add(c.getAnnotation(Command.class).name());
        }
        return names;
    }

    @Test
    void theNamedCommandHasItsOptions_theOthersAreListedOnly() {
        CommandLine cmd = commandLine("plan", "--set", "var_cpu=2");
        Map<String, CommandLine> subs = cmd.getSubcommands();
        assertThat(subs.keySet()).containsExactlyElementsOf(names());
        assertThat(subs.get("plan").getCommandSpec().findOption("--set")).isNotNull();
        assertThat(subs.get("plan").getCommandSpec().userObject()).isInstanceOf(PlanCommand.class);
        CommandSpec status = subs.get("status").getCommandSpec();
        assertThat(status.options()).isEmpty();
        assertThat(status.userObject()).isNull();
    }

    @Test
    void noCommand_buildsNoSubcommandModel() {
        for (CommandLine sub : commandLine("--help").getSubcommands().values()) {
            assertThat(sub.getCommandSpec().options()).as(sub.getCommandName()).isEmpty();
        }
    }

    @Test
    void listedCommands_carryTheirAnnotationsDescription() {
        Map<String, CommandLine> listed = commandLine().getSubcommands();
        for (Class<?> c : RootCommand.COMMANDS) {
            Command a = c.getAnnotation(Command.class);
            CommandSpec spec = listed.get(a.name()).getCommandSpec();
            assertThat(spec.usageMessage().description()).as(a.name()).containsExactly(a.description());
            assertThat(spec.usageMessage().header()).as(a.name()).containsExactly(a.header());
            assertThat(spec.usageMessage().hidden()).as(a.name()).isEqualTo(a.hidden());
        }
    }

    /** Every command's own help works and shows the standard options, whichever way the root was built. */
    @Test
    void everyCommandsHelp_showsHelpAndVersionOptions() {
        for (String name : names()) {
            CliRunner.Result r = new CliRunner().run(name, "--help");
            assertThat(r.code()).as(name).isZero();
            assertThat(r.out()).as(name).startsWith("Usage: proxmox-lxc " + name)
                    .containsPattern("-h, --help +Show this help message and exit\\.")
                    .containsPattern("-V, --version +Print version information and exit\\.");
        }
    }

    /** 0.1 printed nothing for a subcommand's --version (picocli gave subcommands no version provider). */
    @ParameterizedTest
    @ValueSource(strings = {"--version", "plan --version", "snapshot create -V", "apps list --version"})
    void version_isPrintedForEveryCommand(String args) {
        CliRunner.Result r = new CliRunner().run(args.split(" "));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("proxmox-lxc ").hasLineCount(1);
    }

    @Test
    void unknownCommand_stillSuggestsTheListedOnes() {
        CliRunner.Result r = new CliRunner().run("stauts");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'stauts'").contains("status");
    }
}
