package io.github.proxmoxlxc.testkit.internal.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.internal.model.PveError;
import io.github.proxmoxlxc.testkit.internal.model.PveModel;
import io.github.proxmoxlxc.testkit.internal.schema.ApiSchema;
import io.github.proxmoxlxc.testkit.internal.schema.ParamValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code pct} on a simulated node, after pve-container's {@code src/PVE/CLI/pct.pm}: {@code set}
 * (the API's {@code update_vm} as root@pam, same parameter checks and texts), {@code config},
 * {@code status}, {@code exec}, {@code push}, {@code pull} and {@code list}. Errors print as the PVE
 * CLI prints a {@code die}, exit status 255.
 */
public final class Pct {
    /** What runs a command inside a container (the node simulator's scripted handlers). */
    public interface ContainerExec {
        /**
         * Runs a command in a running container.
         *
         * @param node the node
         * @param vmid the container
         * @param command the command words (after {@code env K=V} words)
         * @param env the {@code env K=V} words in front of it
         * @param stdin what the client sent on stdin
         * @return how it ended
         */
        Result run(String node, int vmid, List<String> command, Map<String, String> env, byte[] stdin);
    }

    /** How a command ended. */
    public static final class Result {
        final int exit;
        final byte[] out;
        final byte[] err;

        /**
         * A result.
         *
         * @param exit the exit status
         * @param out stdout
         * @param err stderr
         */
        public Result(int exit, byte[] out, byte[] err) {
            this.exit = exit;
            this.out = out.clone();
            this.err = err.clone();
        }

        static Result ok(String out) {
            return new Result(0, out.getBytes(StandardCharsets.UTF_8), new byte[0]);
        }

        static Result die(String message) {
            return new Result(255, new byte[0], (message.endsWith("\n") ? message : message + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** The exit status. */
        public int exit() {
            return exit;
        }

        /** Stdout bytes. */
        public byte[] out() {
            return out.clone();
        }

        /** Stderr bytes. */
        public byte[] err() {
            return err.clone();
        }
    }

    private static final Set<String> NOT_OPTIONS = Set.of("delete", "digest", "revert", "node", "vmid");
    private static final String ROOT = "root@pam";

    private final PveModel model;
    private final JsonNode configSchema;
    private final ContainerExec exec;
    private final Path containerFiles;

    /**
     * A pct over a model.
     *
     * @param model the simulator's model
     * @param exec runs commands inside containers
     * @param containerFiles directory holding one directory per vmid for pushed files
     */
    public Pct(PveModel model, ContainerExec exec, Path containerFiles) {
        this.model = model;
        this.configSchema = ApiSchema.load().endpoint("PUT /nodes/{node}/lxc/{vmid}/config").orElseThrow().parameters();
        this.exec = exec;
        this.containerFiles = containerFiles;
    }

    /**
     * Runs {@code pct <args>} on a node.
     *
     * @param root the node's file system
     * @param args the words after {@code pct}
     * @param stdin what the client sent on stdin
     * @return how it ended
     */
    public Result run(NodeRoot root, List<String> args, byte[] stdin) {
        String node = root.node();
        if (args.isEmpty()) {
            return Result.die("ERROR: no command specified\nUSAGE: pct <COMMAND> [ARGS] [OPTIONS]");
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            switch (cmd) {
                case "set":
                    return set(node, rest);
                case "config":
                    return config(node, rest);
                case "status":
                    return status(node, rest);
                case "exec":
                    return exec(node, rest.stream().map(root::unmap).toList(), stdin);
                case "push":
                    return push(root, rest);
                case "pull":
                    return pull(root, rest);
                case "list":
                    return list(node);
                default:
                    return Result.die("ERROR: unknown command 'pct " + cmd + "'\nUSAGE: pct <COMMAND> [ARGS] [OPTIONS]");
            }
        } catch (PveError e) {
            return Result.die(text(e, cmd));
        }
    }

    private static String text(PveError e, String cmd) {
        StringBuilder b = new StringBuilder();
        b.append(e.status() == 500 ? "" : e.status() + " ").append(e.getMessage()).append('\n');
        e.errors().forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        if (!e.errors().isEmpty()) {
            b.append(usage(cmd)).append('\n');
        }
        return b.toString();
    }

    private static String usage(String cmd) {
        switch (cmd) {
            case "exec":
                return "pct exec <vmid> [<extra-args>] [OPTIONS]";
            case "push":
                return "pct push <vmid> <file> <destination> [OPTIONS]";
            case "pull":
                return "pct pull <vmid> <path> <destination> [OPTIONS]";
            default:
                return "pct " + cmd + " <vmid> [OPTIONS]";
        }
    }

    /** The vmid argument, checked as the schema's pve-vmid. */
    private static int vmid(List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            throw PveError.params(Map.of("vmid", "property is missing and it is not optional"));
        }
        String v = rest.get(0);
        if (!v.matches("\\d+")) {
            throw PveError.params(Map.of("vmid", "type check ('integer') failed - got '" + v + "'"));
        }
        long id = Long.parseLong(v.length() > 10 ? "99999999999" : v);
        if (id < 100 || id > 999_999_999) {
            throw PveError.params(Map.of("vmid", "value must have a minimum value of 100"));
        }
        return (int) id;
    }

    /** {@code -key value} / {@code --key value} pairs (a boolean may stand alone). */
    private Map<String, Object> options(List<String> words, Set<String> flags) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-") || w.equals("-") || w.equals("--")) {
                throw PveError.params(Map.of("extra arguments", "too many arguments"));
            }
            String key = w.replaceFirst("^--?", "");
            String value = null;
            int eq = key.indexOf('=');
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (value == null) {
                boolean bool = flags.contains(key) || isBoolean(key);
                if (i + 1 < words.size() && !(bool && words.get(i + 1).startsWith("-"))) {
                    value = words.get(++i);
                } else if (bool) {
                    value = "1";
                } else {
                    throw new PveError(400, "unable to parse option", Map.of(key, "missing value"));
                }
            }
            out.put(key, value);
        }
        return out;
    }

    private boolean isBoolean(String key) {
        JsonNode p = ParamValidator.property(configSchema, key);
        return p != null && "boolean".equals(p.path("type").asText());
    }

    private Result set(String node, List<String> rest) {
        int vmid = vmid(rest);
        Map<String, Object> raw = options(rest.subList(1, rest.size()), Set.of());
        raw.put("node", node);
        raw.put("vmid", Integer.toString(vmid));
        Map<String, String> errors = ParamValidator.validate(configSchema, raw);
        if (!errors.isEmpty()) {
            throw PveError.params(errors);
        }
        Map<String, String> p = new LinkedHashMap<>();
        raw.forEach((k, v) -> p.put(k, String.valueOf(v)));
        model.containers().updateConfig(node, vmid, ROOT, p,
                k -> !NOT_OPTIONS.contains(k) && ParamValidator.property(configSchema, k) != null);
        return Result.ok("");
    }

    private Result config(String node, List<String> rest) {
        int vmid = vmid(rest);
        Map<String, Object> o = options(rest.subList(1, rest.size()), Set.of("current"));
        boolean current = "1".equals(String.valueOf(o.getOrDefault("current", "0")));
        Map<String, Object> conf = model.containers().config(node, vmid, current, k -> {
            JsonNode p = ParamValidator.property(configSchema, k);
            return p == null ? null : p.path("type").asText(null);
        });
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(conf).entrySet()) {
            if (e.getKey().equals("digest") || e.getKey().equals("lxc")) {
                continue;
            }
            String v = String.valueOf(e.getValue());
            if (e.getKey().equals("description")) {
                v = v.replace("%", "%25").replace("\n", "%0A").replace(":", "%3A");
            }
            b.append(e.getKey()).append(": ").append(v).append('\n');
        }
        if (conf.get("lxc") instanceof List<?> lxc) {
            for (Object kv : lxc) {
                List<?> pair = (List<?>) kv;
                b.append(pair.get(0)).append(": ").append(pair.get(1)).append('\n');
            }
        }
        return Result.ok(b.toString());
    }

    private Result status(String node, List<String> rest) {
        int vmid = vmid(rest);
        Map<String, Object> o = options(rest.subList(1, rest.size()), Set.of("verbose"));
        Map<String, Object> s = model.containers().statusCurrent(node, vmid);
        if ("1".equals(String.valueOf(o.getOrDefault("verbose", "0")))) {
            StringBuilder b = new StringBuilder();
            new TreeMap<>(s).forEach((k, v) -> {
                if (v != null && !k.equals("cpu")) {
                    b.append(k).append(": ").append(v).append('\n');
                }
            });
            return Result.ok(b.toString());
        }
        return Result.ok("status: " + s.getOrDefault("status", "unknown") + "\n");
    }

    private Optional<ContainerState> here(String node, int vmid) {
        return model.containerStates().stream().filter(c -> c.vmid() == vmid && c.node().equals(node)).findFirst();
    }

    private ContainerState loadConfig(String node, int vmid) {
        return here(node, vmid).orElseThrow(() -> PveError.die("Configuration file 'nodes/" + node + "/lxc/" + vmid
                + ".conf' does not exist"));
    }

    private Result exec(String node, List<String> rest, byte[] stdin) {
        int vmid = vmid(rest);
        int dd = rest.indexOf("--");
        List<String> opts = dd < 0 ? List.of() : rest.subList(1, dd);
        List<String> extra = dd < 0 ? rest.subList(1, rest.size()) : rest.subList(dd + 1, rest.size());
        options(opts, Set.of("keep-env"));
        ContainerState c = loadConfig(node, vmid);
        if (!c.status().equals("running")) {
            throw PveError.die("container '" + vmid + "' not running!");
        }
        if (extra.isEmpty()) {
            throw PveError.die("missing command");
        }
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        if (extra.get(0).equals("env")) {
            i = 1;
            while (i < extra.size() && extra.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                String w = extra.get(i);
                env.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
                i++;
            }
            if (i == extra.size()) {
                return Result.ok("");
            }
        }
        return exec.run(node, vmid, List.copyOf(extra.subList(i, extra.size())), env, stdin);
    }

    /** The file standing for a path inside a container (pushed files live here). */
    public Path containerPath(int vmid, String path) {
        Path base = containerFiles.resolve(Integer.toString(vmid));
        Path p = base.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!p.startsWith(base)) {
            throw PveError.die("failed to open " + path + ": No such file or directory");
        }
        return p;
    }

    private Result push(NodeRoot root, List<String> rest) {
        int vmid = vmid(rest);
        if (rest.size() < 3 || rest.get(1).startsWith("-") || rest.get(2).startsWith("-")) {
            throw PveError.params(Map.of(rest.size() < 2 ? "file" : "destination",
                    "property is missing and it is not optional"));
        }
        String file = rest.get(1);
        String dest = root.unmap(rest.get(2));
        Map<String, Object> o = options(rest.subList(3, rest.size()), Set.of());
        ContainerState c = loadConfig(root.node(), vmid);
        if (!c.status().equals("running")) {
            throw PveError.die("can only push files to a running CT");
        }
        Path src = Path.of(root.map(file));
        byte[] content;
        try {
            content = Files.readAllBytes(src);
        } catch (IOException e) {
            throw PveError.die("failed to open " + file + " for reading");
        }
        Path target = containerPath(vmid, dest);
        write(target, content, o.get("perms"));
        return Result.ok("");
    }

    private Result pull(NodeRoot root, List<String> rest) {
        int vmid = vmid(rest);
        if (rest.size() < 3 || rest.get(1).startsWith("-") || rest.get(2).startsWith("-")) {
            throw PveError.params(Map.of(rest.size() < 2 ? "path" : "destination",
                    "property is missing and it is not optional"));
        }
        String path = root.unmap(rest.get(1));
        String dest = rest.get(2);
        Map<String, Object> o = options(rest.subList(3, rest.size()), Set.of());
        ContainerState c = loadConfig(root.node(), vmid);
        if (!c.status().equals("running")) {
            throw PveError.die("can only pull files from a running VM");
        }
        Path src = containerPath(vmid, path);
        byte[] content;
        try {
            if (Files.isSymbolicLink(src) || !Files.isRegularFile(src)) {
                throw PveError.die("failed to open " + path + ": No such file or directory");
            }
            content = Files.readAllBytes(src);
        } catch (IOException e) {
            throw PveError.die("failed to open " + path + ": " + e.getMessage());
        }
        write(Path.of(root.map(dest)), content, o.get("perms"));
        return Result.ok("");
    }

    private static void write(Path target, byte[] content, Object perms) {
        String mode = null;
        if (perms != null) {
            String p = String.valueOf(perms);
            // pct: "assume octal as default"
            if (!p.matches("0?[0-7]{1,4}")) {
                throw PveError.die("invalid mode: '" + p + "'");
            }
            mode = p;
        }
        try {
            if (Files.isSymbolicLink(target)) {
                Files.delete(target);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            if (mode != null) {
                int m = Integer.parseInt(mode, 8);
                StringBuilder s = new StringBuilder();
                String rwx = "rwxrwxrwx";
                for (int b = 8; b >= 0; b--) {
                    s.append((m & (1 << b)) != 0 ? rwx.charAt(8 - b) : '-');
                }
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(s.toString()));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw PveError.die("failed to create file: " + target.getFileName() + ": " + e.getMessage());
        }
    }

    private Result list(String node) {
        List<ContainerState> cts = new ArrayList<>(model.containerStates());
        cts.removeIf(c -> !c.node().equals(node));
        if (cts.isEmpty()) {
            return Result.ok("");
        }
        cts.sort(java.util.Comparator.comparingInt(ContainerState::vmid));
        StringBuilder b = new StringBuilder(String.format("%-10s %-10s %-12s %-20s%n", "VMID", "Status", "Lock", "Name"));
        for (ContainerState c : cts) {
            b.append(String.format("%-10s %-10s %-12s %-20s%n", c.vmid(), c.status(), c.lock().orElse(""),
                    c.config().getOrDefault("hostname", "")));
        }
        return Result.ok(b.toString());
    }
}
