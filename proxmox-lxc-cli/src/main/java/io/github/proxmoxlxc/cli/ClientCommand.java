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
        try (Connection c = Connection.open(connection, sshOptions(), out, embeddedHostTree())) {
            int code = run(c, out);
            out.flush();
            return code;
        }
    }

    /** The SSH options of a command that reaches the nodes over SSH ({@code --ssh}); null for the others. */
    SshOptions sshOptions() {
        return null;
    }

    /**
     * The host tree the embedded simulator's nodes get (GPU detection over SFTP), or null: the
     * {@code --host-root} of a command that has one, else the context's root ({@code /} is never copied).
     */
    java.nio.file.Path embeddedHostTree() {
        return ctx.root();
    }

    abstract int run(Connection c, Out out);
}
