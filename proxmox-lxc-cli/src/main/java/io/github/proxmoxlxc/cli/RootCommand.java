package io.github.proxmoxlxc.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code proxmox-lxc}: the top-level command; its subcommands do the work. */
@Command(name = "proxmox-lxc",
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Provision LXC containers on Proxmox VE from build.func-compatible .vars files.",
            "",
            "Connection: PVE_URL, then an API token (PVE_TOKEN_ID with PVE_TOKEN_SECRET) or a root@pam login"
                    + " (PVE_USER=root@pam with PVE_PASSWORD; needed for keyctl, devN and bind mounts), and trust"
                    + " (PVE_FINGERPRINT or PVE_CA_FILE); or --url and friends. Without PVE_URL an embedded"
                    + " simulator is started and every output starts with one line saying so: nothing real is"
                    + " created.",
            "Node channel: --ssh [USER@]HOST (PVE_SSH, with PVE_SSH_KEY and PVE_SSH_FINGERPRINT) lets create, exec,"
                    + " push and gpus reach the node as root over SSH: node patches, keyctl and devN for API tokens,"
                    + " commands in the container.",
            "Configuration: `keys` lists every var_* key with its rule and default.",
            ""},
        footer = ExitCodes.HELP)
final class RootCommand implements Runnable {
    /**
     * The subcommands, in the order {@code --help} lists them. They are not in the annotation: picocli would
     * build the model of every one by reflection on each start, and a run needs only the one it names
     * ({@link Main#commandLine}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            PlanCommand.class,
            CreateCommand.class,
            StatusCommand.class,
            StartCommand.class,
            StopCommand.class,
            DestroyCommand.class,
            ListCommand.class,
            GpusCommand.class,
            AppsCommand.class,
            SimulatorCommand.class,
            KeysCommand.class,
            SnapshotCommand.class,
            BackupCommand.class,
            BackupsCommand.class,
            RestoreCommand.class,
            CloneCommand.class,
            TemplateCommand.class,
            ResizeCommand.class,
            SetCommand.class,
            StatsCommand.class,
            WatchCommand.class,
            MigrateCommand.class,
            HaCommand.class,
            UpdateCommand.class,
            EnsureCommand.class,
            ExecCommand.class,
            PushCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing COMMAND");
    }
}
