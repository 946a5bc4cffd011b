package io.github.proxmoxlxc.testkit.internal.node;

import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.internal.model.PveModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One node's file system: a directory standing for {@code /}, holding a copy of the host fixture
 * tree, {@code /etc/subuid}, {@code /etc/subgid}, {@code /etc/group}, {@code /run/lock/lxc} and
 * {@code /etc/pve/lxc/<vmid>.conf} rendered from the simulator's model. An edit of a config file is
 * read back into the model after every command (options and raw {@code lxc.*} lines, as pmxcfs
 * would show them to the API).
 */
public final class NodeRoot {
    /** First path segments that belong to the node and are mapped into its root; others are the machine's. */
    private static final Set<String> NODE_DIRS = Set.of("etc", "run", "var", "root", "sys", "dev", "proc", "opt",
            "home", "srv", "mnt", "usr");
    /** Under /usr only these are the node's (fixtures); /usr/bin and friends stay the machine's. */
    private static final List<String> NODE_USR = List.of("/usr/share/", "/usr/lib/pve", "/usr/local/share/");

    /** Device files every program expects as they are. */
    private static final Set<String> MACHINE_DEVICES = Set.of("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random",
            "/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/tty");

    private final String node;
    private final Path root;
    private final PveModel model;
    /** What was last written to each config file (vmid to text). */
    private final Map<Integer, String> rendered = new HashMap<>();

    /**
     * Lays out a node's root.
     *
     * @param node the node name
     * @param root the directory standing for {@code /} (created)
     * @param hostTree a fixture tree to copy in, or null
     * @param model the simulator's model
     */
    public NodeRoot(String node, Path root, Path hostTree, PveModel model) {
        this.node = node;
        this.root = root;
        this.model = model;
        try {
            Files.createDirectories(root);
            if (hostTree != null) {
                copyTree(hostTree, root);
            }
            Files.createDirectories(root.resolve("etc/pve/lxc"));
            Files.createDirectories(root.resolve("run/lock/lxc"));
            Files.createDirectories(root.resolve("root"));
            Files.createDirectories(root.resolve("tmp"));
            writeIfAbsent("etc/hostname", node + "\n");
            writeIfAbsent("etc/subuid", "root:100000:65536\n");
            writeIfAbsent("etc/subgid", "root:100000:65536\n");
            writeIfAbsent("etc/group", "root:x:0:\nvideo:x:44:\nrender:x:104:\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the root of node " + node + " in " + root, e);
        }
    }

    private void writeIfAbsent(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(dest.getParent());
                    Files.deleteIfExists(dest);
                    Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    try {
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                    } catch (FileAlreadyExistsException e) {
                        // a directory of the same name: the fixture's own conflict, keep the directory
                    }
                }
            }
        }
    }

    /** The node's name. */
    public String node() {
        return node;
    }

    /** The directory standing for {@code /}. */
    public Path root() {
        return root;
    }

    /**
     * Maps a path given on the node to the file that stands for it: absolute paths under the node's
     * own directories ({@code /etc}, {@code /run}, {@code /var}, {@code /root}, {@code /sys}, ...)
     * go under the root; {@code /tmp} and the programs stay the machine's; a path already under the
     * root is kept.
     *
     * @param path a path as the client wrote it
     * @return the mapped path text
     */
    public String map(String path) {
        if (!path.startsWith("/") || path.startsWith(root.toString() + "/") || path.equals(root.toString())) {
            return path;
        }
        if (MACHINE_DEVICES.contains(path)) {
            return path;
        }
        String first = path.substring(1).split("/", 2)[0];
        if (!NODE_DIRS.contains(first)) {
            return path;
        }
        if (first.equals("usr") && NODE_USR.stream().noneMatch(path::startsWith)) {
            return path;
        }
        return root + path;
    }

    /**
     * Undoes {@link #map}: a path inside a container that reached a script as an argument (and was
     * mapped as if it were the node's) comes back as the client wrote it.
     *
     * @param word a word
     * @return the word without the root prefix
     */
    public String unmap(String word) {
        String prefix = root.toString();
        return word.startsWith(prefix + "/") ? word.substring(prefix.length()) : word;
    }

    /** Rewrites a word when it is a node path (also the value of {@code --opt=/path}). */
    String mapWord(String word) {
        if (word.startsWith("/")) {
            return map(word);
        }
        int eq = word.indexOf("=/");
        if (word.startsWith("-") && eq > 0) {
            return word.substring(0, eq + 1) + map(word.substring(eq + 1));
        }
        return word;
    }

    /**
     * Writes {@code /etc/pve/lxc/<vmid>.conf} for every container on this node whose model text
     * changed since it was last written, after reading back a file a command changed; removes the
     * files of containers no longer here.
     */
    public synchronized void renderConfigs() {
        readBack();
        Map<Integer, String> now = new LinkedHashMap<>();
        for (ContainerState c : model.containerStates()) {
            if (c.node().equals(node)) {
                model.configFile(c.vmid()).ifPresent(t -> now.put(c.vmid(), t));
            }
        }
        try {
            for (Map.Entry<Integer, String> e : now.entrySet()) {
                if (!e.getValue().equals(rendered.get(e.getKey()))) {
                    Path f = confFile(e.getKey());
                    Path tmp = f.resolveSibling("." + e.getKey() + ".conf.render");
                    Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    rendered.put(e.getKey(), e.getValue());
                }
            }
            for (Integer gone : new ArrayList<>(rendered.keySet())) {
                if (!now.containsKey(gone)) {
                    Files.deleteIfExists(confFile(gone));
                    rendered.remove(gone);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the config files of node " + node, e);
        }
    }

    /** Reads every config file a command changed back into the model (options and raw lxc.* lines). */
    public synchronized void readBack() {
        for (Map.Entry<Integer, String> e : new ArrayList<>(rendered.entrySet())) {
            Path f = confFile(e.getKey());
            String text;
            try {
                if (Files.isSymbolicLink(f) || !Files.isRegularFile(f)) {
                    continue;
                }
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                continue;
            }
            if (text.equals(e.getValue())) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            List<String[]> raw = new ArrayList<>();
            parse(text, options, raw);
            model.replaceConfigFromFile(e.getKey(), options, raw);
            rendered.put(e.getKey(), text);
        }
    }

    /**
     * {@code PVE::LXC::Config::parse_pct_config} for the main section: {@code key: value} options,
     * {@code lxc.key: value} (or {@code lxc.key = value}) raw lines, {@code #} lines as the
     * description; stops at the first {@code [section]}.
     */
    static void parse(String text, Map<String, String> options, List<String[]> raw) {
        StringBuilder description = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("[")) {
                break;
            }
            if (line.startsWith("#")) {
                description.append(line.substring(1)).append('\n');
                continue;
            }
            java.util.regex.Matcher lxc = java.util.regex.Pattern.compile("^(lxc\\.[a-z0-9_\\-.]+)(:|\\s*=)\\s*(.*?)\\s*$")
                    .matcher(line);
            if (lxc.matches()) {
                raw.add(new String[] {lxc.group(1), lxc.group(3)});
                continue;
            }
            java.util.regex.Matcher kv = java.util.regex.Pattern.compile("^([a-z][a-z_]*\\d*):\\s*(.*\\S)\\s*$")
                    .matcher(line);
            if (kv.matches()) {
                options.put(kv.group(1), kv.group(2));
            }
        }
        if (description.length() > 0 && !options.containsKey("description")) {
            options.put("description", description.toString());
        }
    }

    private Path confFile(int vmid) {
        return root.resolve("etc/pve/lxc/" + vmid + ".conf");
    }
}
