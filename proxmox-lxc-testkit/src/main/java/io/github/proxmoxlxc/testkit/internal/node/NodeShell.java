package io.github.proxmoxlxc.testkit.internal.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one SSH exec request on a simulated node. A simple command (quoted words, as the node
 * module sends) is split into words: {@code pct ...} acts on the model, {@code uname -n} and
 * {@code hostname} print the node name; anything else ({@code sh -c SCRIPT sh ARGS},
 * {@code flock}, {@code cat}, {@code bash HOOK}) runs in a real {@code /bin/sh} whose words that
 * name node paths ({@code /etc/...}, {@code /run/...}, {@code /root/...}) are mapped into the
 * node's root, with {@code pct}, {@code uname} and {@code hostname} on {@code PATH} as shims that
 * call back into the simulator. Config files are rendered before and read back after each command.
 */
public final class NodeShell {
    /** The most stdin a Java-handled command reads. */
    private static final int MAX_STDIN = 64 << 20;

    private final NodeRoot root;
    private final Pct pct;
    private final Path shimDir;
    private final Map<String, String> shimEnv;
    private final ExecutorService pumps;
    private final Consumer<String[]> journal;
    private final long deadlineMillis;

    /**
     * A shell for one node.
     *
     * @param root the node's file system
     * @param pct the pct of the simulator
     * @param shimDir the directory with the pct/uname/hostname shims
     * @param shimEnv environment the shims need (control port, token, node)
     * @param pumps threads for stream copying
     * @param journal gets {node, line, exit status} of every command
     * @param deadlineMillis the most a shell command may run
     */
    public NodeShell(NodeRoot root, Pct pct, Path shimDir, Map<String, String> shimEnv, ExecutorService pumps,
            Consumer<String[]> journal, long deadlineMillis) {
        this.root = root;
        this.pct = pct;
        this.shimDir = shimDir;
        this.shimEnv = Map.copyOf(shimEnv);
        this.pumps = pumps;
        this.journal = journal;
        this.deadlineMillis = deadlineMillis;
    }

    /** The node's file system. */
    public NodeRoot root() {
        return root;
    }

    /**
     * Runs a command line.
     *
     * @param line the line the client sent
     * @param in the channel's stdin
     * @param out the channel's stdout
     * @param err the channel's stderr
     * @return the exit status
     * @throws IOException when a stream fails
     */
    public int run(String line, InputStream in, OutputStream out, OutputStream err) throws IOException {
        int exit = 255;
        try {
            root.renderConfigs();
            Optional<List<String>> words = ShellWords.split(line);
            if (words.isPresent() && !words.get().isEmpty()) {
                List<String> w = words.get();
                String prog = w.get(0);
                if (prog.equals("pct")) {
                    Pct.Result r = pct.run(root, w.subList(1, w.size()), readStdin(in));
                    out.write(r.out);
                    err.write(r.err);
                    exit = r.exit;
                    return exit;
                }
                if (w.equals(List.of("uname", "-n")) || w.equals(List.of("hostname")) || w.equals(List.of("hostname", "-s"))) {
                    out.write((root.node() + "\n").getBytes(StandardCharsets.UTF_8));
                    exit = 0;
                    return exit;
                }
                List<String> mapped = new ArrayList<>();
                w.forEach(x -> mapped.add(root.mapWord(x)));
                exit = shell(ShellWords.join(mapped), in, out, err);
            } else {
                exit = shell(line, in, out, err);
            }
            return exit;
        } finally {
            root.readBack();
            out.flush();
            err.flush();
            journal.accept(new String[] {root.node(), line, Integer.toString(exit)});
        }
    }

    private int shell(String line, InputStream in, OutputStream out, OutputStream err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", line).directory(root.root().toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", shimDir + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", root.root().resolve("root").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.putAll(shimEnv);
        Process p = pb.start();
        var stdin = pumps.submit(() -> {
            try (OutputStream pin = p.getOutputStream()) {
                in.transferTo(pin);
            } catch (IOException e) {
                // the process closed its stdin early: nothing more to send
            }
            return null;
        });
        var o = pumps.submit(() -> copy(p.getInputStream(), out));
        var e = pumps.submit(() -> copy(p.getErrorStream(), err));
        try {
            if (!p.waitFor(deadlineMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                err.write(("node simulator: command did not end within " + deadlineMillis + " ms\n")
                        .getBytes(StandardCharsets.UTF_8));
                return 124;
            }
            o.get(10, TimeUnit.SECONDS);
            e.get(10, TimeUnit.SECONDS);
            return p.exitValue();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return 130;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            return p.exitValue();
        } finally {
            stdin.cancel(true);
        }
    }

    private static Void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = from.read(buf)) >= 0) {
            synchronized (to) {
                to.write(buf, 0, n);
                to.flush();
            }
        }
        return null;
    }

    /** Reads the client's stdin up to its end (at most {@link #MAX_STDIN} bytes, at most 5 s). */
    private byte[] readStdin(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        var f = pumps.submit(() -> {
            byte[] b = new byte[8192];
            int n;
            while ((n = in.read(b)) >= 0) {
                synchronized (buf) {
                    if (buf.size() + n > MAX_STDIN) {
                        break;
                    }
                    buf.write(b, 0, n);
                }
            }
            return null;
        });
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            f.cancel(true);
        }
        synchronized (buf) {
            return buf.toByteArray();
        }
    }
}
