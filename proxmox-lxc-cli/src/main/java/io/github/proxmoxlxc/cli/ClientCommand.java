package io.github.proxmoxlxc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that talks to a cluster (or the embedded simulator). */
abstract class ClientCommand implements Callable<Integer> {
    final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    JsonOption jsonOption;

    ClientCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public final Integer call() {
        Out out = new Out(ctx, jsonOption.json);
        try (Connection c = Connection.open(connection, sshOptions(), out)) {
            int code = run(c, out);
            out.flush();
            return code;
        }
    }

    /** The SSH options of a command that reaches the nodes over SSH ({@code --ssh}); null for the others. */
    SshOptions sshOptions() {
        return null;
    }

    abstract int run(Connection c, Out out);
}
