package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.testkit.ClusterDescription;
import io.github.proxmoxlxc.testkit.NodeSimulator;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulator}: the testkit simulator in the foreground, for any client. */
@Command(name = "simulator", footer = ExitCodes.HELP,
        description = {"Run the Proxmox VE API simulator in the foreground.",
            "Runs until SIGTERM or SIGINT (Ctrl-C) and prints its URL, API token and fingerprint so any client can be"
                    + " pointed at it. With --json the first stdout line is one JSON object: {\"url\", \"tokenId\","
                    + " \"tokenSecret\", \"fingerprint\", \"caFile\", \"username\", \"password\"} (with --ssh also"
                    + " \"sshHost\", \"sshPort\", \"sshUser\", \"sshKeyFile\", \"sshFingerprint\" of the first node and"
                    + " \"sshNodes\" with every node's target and fingerprint)."})
final class SimulatorCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    JsonOption jsonOption;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Listen on this loopback port (default: a free one).")
    int port;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
            description = "Number of nodes pve1..pveN, each with storages local and local-lvm (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed for ids, MAC and IP addresses and random faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "0.001",
            description = "Factor on task durations: 1 is real time, 0.001 makes a 30 s create take 30 ms (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Describe the cluster in a JSON or YAML file: nodes, storages, templates, pools, users, API"
                    + " tokens, roles, ACL entries, next-id range (format: the testkit README). Nodes listed there"
                    + " replace --nodes.")
    Path config;

    @Option(names = "--fault-rate", paramLabel = "P", defaultValue = "0",
            description = "Give each request a random fault with probability P (0..1), reproducible with --seed (default: ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(names = "--ssh", description = "Also simulate SSH to the nodes (pct, node files, SFTP) for --ssh clients.")
    boolean ssh;

    @Option(names = "--host-root", paramLabel = "DIR",
            description = "With --ssh: the nodes' host tree (sys/, dev/, etc/group), e.g. a GPU fixture.")
    Path hostRoot;

    SimulatorCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Out out = new Out(ctx, jsonOption.json);
        if (port < 0 || port > 65535) {
            throw CliException.invalid("--port", Integer.toString(port), "must be 0..65535");
        }
        if (nodes < 1 || nodes > 64) {
            throw CliException.invalid("--nodes", Integer.toString(nodes), "must be 1..64");
        }
        if (hostRoot != null && (!ssh || !Files.isDirectory(ctx.cwd().resolve(hostRoot)))) {
            throw CliException.invalid("--host-root", hostRoot.toString(), ssh ? "must be a directory"
                    : "needs --ssh: it is the simulated nodes' file system");
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw CliException.invalid("--fault-rate", Double.toString(faultRate), "must be a probability 0..1");
        }
        return new Serving(this).serve(out);
    }

    /**
     * The part that touches the simulator, in a class of its own: picocli reflects on this
     * command's methods for every command line, and a simulator type in one of their signatures
     * (a lambda's too) would load the testkit for {@code --help} and {@code plan}.
     */
    private static final class Serving {
        private final SimulatorCommand c;
        private final CliContext ctx;

        Serving(SimulatorCommand c) {
            this.c = c;
            this.ctx = c.ctx;
        }

        int serve(Out out) {
            int port = c.port;
            long seed = c.seed;
            double timeScale = c.timeScale;
            double faultRate = c.faultRate;
            int nodes = c.nodes;
            Path config = c.config;
            PveSimulator.Builder b = PveSimulator.builder().seed(seed).port(port);
            try {
                b.timeScale(timeScale);
            } catch (IllegalArgumentException e) {
                throw CliException.invalid("--time-scale", Double.toString(timeScale), e.getMessage());
            }
            ClusterDescription description = null;
            if (config != null) {
                try {
                    description = ClusterDescription.parse(config);
                } catch (IOException e) {
                    throw CliException.invalid("--config", config.toString(), "must be a readable JSON or YAML file ("
                            + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
                } catch (IllegalArgumentException e) {
                    throw CliException.invalid("--config", config.toString(), e.getMessage());
                }
            }
            if (description == null || !description.describesNodes()) {
                for (int i = 1; i <= nodes; i++) {
                    b.addNode("pve" + i, 8, 32L << 30);
                }
            }
            if (description != null) {
                try {
                    description.applyTo(b);
                } catch (IllegalArgumentException e) {
                    throw CliException.invalid("--config", config.toString(), e.getMessage());
                }
            }
            Path ca = null;
            PveSimulator sim;
            try {
                sim = b.start();
            } catch (RuntimeException e) {
                if (port == 0) {
                    throw e;
                }
                throw CliException.invalid("--port", Integer.toString(port),
                        "must be a free loopback port (" + CliText.clean(e.getMessage()).strip() + ")");
            }
            NodeSimulator nodeSim = null;
            try {
                if (faultRate > 0) {
                    sim.randomFaults(seed, faultRate);
                }
                if (c.ssh) {
                    NodeSimulator.Builder nb = NodeSimulator.builder(sim);
                    if (c.hostRoot != null) {
                        Path tree = ctx.cwd().resolve(c.hostRoot);
                        sim.nodeNames().forEach(n -> nb.hostTree(n, tree));
                    }
                    nodeSim = nb.start();
                }
                ca = Files.createTempFile("proxmox-lxc-simulator-ca-", ".pem");
                Files.writeString(ca, sim.caPem(), StandardCharsets.US_ASCII);
                print(out, sim, sim.baseUrl(), ca, nodeSim);
                Path caFile = ca;
                NodeSimulator nodesToClose = nodeSim;
                Thread hook = new Thread(() -> {
                    if (nodesToClose != null) {
                        nodesToClose.close();
                    }
                    sim.close();
                    deleteQuietly(caFile);
                }, "simulator-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                ctx.stop().join();
                Runtime.getRuntime().removeShutdownHook(hook);
                out.note("Simulator stopped.");
                return ExitCodes.OK;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (nodeSim != null) {
                    nodeSim.close();
                }
                sim.close();
                deleteQuietly(ca);
            }
        }

        private void print(Out out, PveSimulator sim, String url, Path ca, NodeSimulator ssh) {
            double faultRate = c.faultRate;
            long seed = c.seed;
            if (out.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("url", url);
                m.put("tokenId", sim.tokenId());
                m.put("tokenSecret", sim.tokenSecret());
                m.put("fingerprint", sim.fingerprint());
                m.put("caFile", ca.toString());
                m.put("username", "root@pam");
                m.put("password", sim.rootPassword());
                if (ssh != null) {
                    m.put("sshHost", ssh.host());
                    m.put("sshPort", ssh.port());
                    m.put("sshUser", ssh.user());
                    m.put("sshKeyFile", ssh.keyFile().toString());
                    m.put("sshFingerprint", ssh.fingerprint());
                    Map<String, Object> nodes = new LinkedHashMap<>();
                    for (String n : ssh.nodeNames()) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("target", ssh.target(n));
                        e.put("fingerprint", ssh.fingerprint(n));
                        nodes.put(n, e);
                    }
                    m.put("sshNodes", nodes);
                }
                ctx.out().println(Json.line(m));
                ctx.out().flush();
                out.note("Proxmox VE simulator running with " + sim.nodeNames().size() + " node(s); stop it with SIGTERM or Ctrl-C.");
                return;
            }
            out.line("Proxmox VE simulator running with " + sim.nodeNames().size() + " node(s); stop it with Ctrl-C.");
            out.line("  url           " + url);
            out.line("  token id      " + sim.tokenId());
            out.line("  token secret  " + sim.tokenSecret());
            out.line("  fingerprint   " + sim.fingerprint());
            out.line("  CA file       " + ca);
            out.line("  username      root@pam");
            out.line("  password      " + sim.rootPassword());
            if (faultRate > 0) {
                out.line("  random faults " + faultRate + " per request (seed " + seed + ")");
            }
            if (ssh != null) {
                for (String n : ssh.nodeNames()) {
                    out.line("  ssh " + n + "      " + ssh.target(n) + " " + ssh.fingerprint(n));
                }
                out.line("  ssh key file  " + ssh.keyFile());
            }
            out.line("");
            out.line("Point the CLI at it (as root@pam, as build.func runs):");
            out.line("  export PVE_URL=" + url + " PVE_FINGERPRINT=" + sim.fingerprint() + " PVE_USER=root@pam"
                    + " PVE_PASSWORD=" + sim.rootPassword());
            out.line("  ./proxmox-lxc create");
            out.line("or with the API token, which Proxmox refuses keyctl and devN:");
            out.line("  PVE_TOKEN_ID='" + sim.tokenId() + "' PVE_TOKEN_SECRET=" + sim.tokenSecret()
                    + " ./proxmox-lxc create --set var_keyctl=0");
            if (ssh != null) {
                List<String> targets = new java.util.ArrayList<>();
                List<String> pins = new java.util.ArrayList<>();
                ssh.nodeNames().forEach(n -> {
                    targets.add(n + "=" + ssh.target(n));
                    pins.add(ssh.fingerprint(n));
                });
                out.line("or with the API token and SSH to the nodes for keyctl, devN and lxc.* lines, as root on the"
                        + " node:");
                out.line("  PVE_TOKEN_ID='" + sim.tokenId() + "' PVE_TOKEN_SECRET=" + sim.tokenSecret()
                        + " PVE_SSH=" + String.join(",", targets) + " PVE_SSH_KEY=" + ssh.keyFile()
                        + " PVE_SSH_FINGERPRINT=" + String.join(",", pins) + " ./proxmox-lxc create");
            }
            out.flush();
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp file; the OS cleans up
        }
    }
}
