package io.github.proxmoxlxc.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated cluster described in a JSON or YAML file, for users of other languages and for
 * command-line tests: nodes, storages, templates, pools, users, API tokens, roles, ACL entries and
 * datacenter.cfg's {@code next-id}. Every section is optional; an absent section keeps the
 * builder's default (one node {@code pve1}, storages {@code local} and {@code local-lvm}, the
 * default templates, no pools, no users, the primary token with every privilege). The format is
 * documented with a complete example in the testkit README.
 *
 * <pre>{@code
 * try (PveSimulator sim = ClusterDescription.read(Path.of("cluster.yaml")).start()) { ... }
 * }</pre>
 */
public final class ClusterDescription {

    private static final Set<String> TOP_KEYS = Set.of("nodes", "storages", "templates", "pools", "users", "tokens",
            "roles", "acl", "next-id", "seed", "cluster-name", "root-password", "primary-token");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]i?B?|B)?", Pattern.CASE_INSENSITIVE);

    private final Path file;
    private final JsonNode root;

    private ClusterDescription(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Reads a description (YAML, of which JSON is a subset, so either works). Only the syntax is
     * checked here; the content is checked by {@link #applyTo(PveSimulator.Builder)}. An empty file
     * is an empty description (all defaults).
     *
     * @param file the JSON or YAML file
     * @return the description
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and the problem when it is not YAML or JSON
     */
    public static ClusterDescription parse(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML or JSON: " + e.getMessage(), e);
        }
        return new ClusterDescription(file, root == null || root.isNull() || root.isMissingNode()
                ? new ObjectMapper().createObjectNode() : root);
    }

    /**
     * Reads a description into a new builder: {@code parse(file).applyTo(PveSimulator.builder())}.
     * The builder can be configured further before it starts.
     *
     * @param file the JSON or YAML file
     * @return a builder holding the description
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file, the entry and the rule when the description is invalid
     */
    public static PveSimulator.Builder read(Path file) throws IOException {
        return parse(file).applyTo(PveSimulator.builder());
    }

    /**
     * {@return whether the description lists at least one node} When it does not, the builder's own
     * nodes (or its default node {@code pve1}) are used, so a caller may add nodes of its own.
     */
    public boolean describesNodes() {
        return root.path("nodes").isArray() && !root.path("nodes").isEmpty();
    }

    /**
     * Applies the description to a builder: each section calls the builder methods it stands for
     * ({@code nodes} {@link PveSimulator.Builder#addNode}, {@code tokens}
     * {@link PveSimulator.Builder#addToken}, and so on). Lists add to what the builder already
     * holds; single settings ({@code seed}, {@code cluster-name}, {@code root-password},
     * {@code primary-token}, {@code next-id}) replace it.
     *
     * @param b the builder to configure
     * @return the same builder
     * @throws IllegalArgumentException naming the file, the entry and the rule when the description is invalid
     */
    public PveSimulator.Builder applyTo(PveSimulator.Builder b) {
        try {
            return apply(b, root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static PveSimulator.Builder apply(PveSimulator.Builder b, JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("the top level must be a mapping with keys " + new java.util.TreeSet<>(TOP_KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "' (known: " + new java.util.TreeSet<>(TOP_KEYS) + ")");
            }
        }
        if (root.has("seed")) {
            b.seed(root.get("seed").asLong());
        }
        if (root.has("cluster-name")) {
            b.clusterName(text(root, "cluster-name", "top level"));
        }
        if (root.has("root-password")) {
            b.rootPassword(text(root, "root-password", "top level"));
        }
        if (root.has("primary-token")) {
            JsonNode t = root.get("primary-token");
            if (t.has("id")) {
                b.tokenId(text(t, "id", "primary-token"));
            }
            if (t.has("secret")) {
                b.tokenSecret(text(t, "secret", "primary-token"));
            }
            if (t.has("privileges")) {
                // path -> privileges
                Map<String, Set<String>> acl = new java.util.LinkedHashMap<>();
                t.get("privileges").properties().forEach(e -> acl.put(e.getKey(), strings(e.getValue(),
                        "primary-token.privileges." + e.getKey())));
                b.tokenPrivileges(acl);
            }
        }
        for (JsonNode n : list(root, "nodes")) {
            String where = "nodes[" + text(n, "name", "nodes[]") + "]";
            b.addNode(n.get("name").asText(), n.path("cpus").asInt(4), size(n.path("memory"), 16L << 30, where + ".memory"));
        }
        for (JsonNode s : list(root, "storages")) {
            String id = text(s, "id", "storages[]");
            String where = "storages[" + id + "]";
            StorageDefinition.Builder d = StorageDefinition.builder().id(id).type(text(s, "type", where))
                    .content(strings(s.path("content"), where + ".content"))
                    .totalBytes(size(s.path("size"), 100L << 30, where + ".size"))
                    .usedBytes(size(s.path("used"), 0, where + ".used"))
                    .shared(s.path("shared").asBoolean(false)).enabled(s.path("enabled").asBoolean(true))
                    .active(s.path("active").asBoolean(true));
            StorageDefinition def = d.build();
            List<String> nodes = s.has("nodes") ? new ArrayList<>(strings(s.get("nodes"), where + ".nodes"))
                    : s.has("node") ? List.of(text(s, "node", where)) : List.of();
            if (nodes.isEmpty() && !def.shared()) {
                throw new IllegalArgumentException(where + ": give 'node' or 'nodes' (or shared: true)");
            }
            if (def.shared()) {
                b.addStorage(nodes.isEmpty() ? "*" : nodes.get(0), def);
            } else {
                nodes.forEach(node -> b.addStorage(node, def));
            }
        }
        JsonNode templates = root.path("templates");
        for (String t : strings(templates.path("aplinfo"), "templates.aplinfo")) {
            b.addAplinfoTemplate(t);
        }
        for (JsonNode t : list(templates, "stored")) {
            b.addStoredTemplate(text(t, "node", "templates.stored[]"), text(t, "storage", "templates.stored[]"),
                    text(t, "file", "templates.stored[]"));
        }
        for (JsonNode p : list(root, "pools")) {
            if (p.has("comment")) {
                b.addPool(text(p, "id", "pools[]"), p.get("comment").asText());
            } else {
                b.addPool(text(p, "id", "pools[]"));
            }
        }
        for (JsonNode u : list(root, "users")) {
            if (u.has("password")) {
                b.addUser(text(u, "id", "users[]"), u.get("password").asText());
            } else {
                b.addUser(text(u, "id", "users[]"));
            }
        }
        for (JsonNode t : list(root, "tokens")) {
            String id = text(t, "id", "tokens[]");
            b.addToken(id, text(t, "secret", "tokens[" + id + "]"), t.path("privsep").asBoolean(true));
        }
        for (JsonNode r : list(root, "roles")) {
            String name = text(r, "name", "roles[]");
            b.addRole(name, strings(r.path("privileges"), "roles[" + name + "].privileges"));
        }
        for (JsonNode a : list(root, "acl")) {
            String path = text(a, "path", "acl[]");
            String where = "acl[" + path + "]";
            String subject = a.has("token") ? text(a, "token", where) : text(a, "user", where + " (user or token)");
            boolean propagate = a.path("propagate").asBoolean(true);
            if (a.has("role") == a.has("privileges")) {
                throw new IllegalArgumentException(where + ": give exactly one of 'role' and 'privileges'");
            }
            if (a.has("role")) {
                b.addAcl(path, subject, text(a, "role", where), propagate);
            } else {
                b.addAclPrivileges(path, subject, strings(a.get("privileges"), where + ".privileges"), propagate);
            }
        }
        if (root.has("next-id")) {
            JsonNode n = root.get("next-id");
            b.nextIdRange(n.path("lower").asInt(100), n.path("upper").asInt(1_000_000));
        }
        return b;
    }

    private static List<JsonNode> list(JsonNode parent, String key) {
        JsonNode n = parent.path(key);
        if (n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + key + "' is required (a non-empty string)");
        }
        return v.asText();
    }

    private static Set<String> strings(JsonNode n, String where) {
        Set<String> out = new LinkedHashSet<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (n.isTextual()) {
            for (String s : n.asText().split("[,\\s]+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(where + " must be a list of strings or a comma-separated string");
        }
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** A byte count: a number, or {@code 512M}, {@code 16G}, {@code 2T} (binary units). */
    static long size(JsonNode n, long dflt, String where) {
        if (n.isMissingNode() || n.isNull()) {
            return dflt;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        Matcher m = SIZE.matcher(n.asText().trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ": '" + n.asText() + "' is not a size (bytes, or e.g. 512M, 16G, 2T)");
        }
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT).substring(0, 1);
        int shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        return v << shift;
    }
}
