package io.github.proxmoxlxc.testkit.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The official PVE schema subset shipped as a resource, indexed by method and path. */
public final class ApiSchema {

    private static final String RESOURCE = "/io/github/proxmoxlxc/testkit/schema-subset.json";
    /** More endpoints extracted the same way (pool update and delete). */
    private static final String EXTRA = "/io/github/proxmoxlxc/testkit/schema-extra.json";
    private static volatile ApiSchema shared;

    private final Map<String, Endpoint> byKey = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(Endpoint endpoint, Pattern regex) { }

    /** A matched endpoint with its decoded path parameters. */
    public record Match(Endpoint endpoint, Map<String, String> pathValues) { }

    private ApiSchema(JsonNode root) {
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().startsWith("_")) {
                continue;
            }
            String[] mp = e.getKey().split(" ", 2);
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(mp[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
            Endpoint ep = new Endpoint(mp[0], mp[1], List.copyOf(names), e.getValue());
            byKey.put(ep.key(), ep);
            entries.add(new Entry(ep, Endpoint.regexOf(mp[1])));
        }
        // literal segments win over parameters: sort by number of parameters, then longer first
        entries.sort((a, b) -> Integer.compare(a.endpoint.pathParams().size(), b.endpoint.pathParams().size()));
    }

    /** The schema loaded once from the module's resource. */
    public static ApiSchema load() {
        ApiSchema s = shared;
        if (s == null) {
            synchronized (ApiSchema.class) {
                if (shared == null) {
                    try (InputStream in = ApiSchema.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("schema resource missing: " + RESOURCE);
                        }
                        com.fasterxml.jackson.databind.node.ObjectNode root =
                                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(in);
                        try (InputStream extra = ApiSchema.class.getResourceAsStream(EXTRA)) {
                            if (extra != null) {
                                new ObjectMapper().readTree(extra).properties().forEach(e -> {
                                    if (!e.getKey().startsWith("_")) {
                                        root.putIfAbsent(e.getKey(), e.getValue());
                                    }
                                });
                            }
                        }
                        shared = new ApiSchema(root);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                s = shared;
            }
        }
        return s;
    }

    /** The endpoint with this {@code "METHOD /template"} key, if the subset has it. */
    public Optional<Endpoint> endpoint(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** All endpoints of the subset. */
    public List<Endpoint> endpoints() {
        return List.copyOf(byKey.values());
    }

    /**
     * Finds the endpoint for a method and a decoded list of path segments (below {@code /api2/json}).
     *
     * @param method HTTP method
     * @param path the path as it appears in the request (still percent-encoded)
     */
    public Optional<Match> match(String method, String path) {
        for (Entry e : entries) {
            if (!e.endpoint.method().equals(method)) {
                continue;
            }
            Matcher m = e.regex.matcher(path);
            if (m.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < e.endpoint.pathParams().size(); i++) {
                    values.put(e.endpoint.pathParams().get(i), Forms.percentDecode(m.group(i + 1), false));
                }
                return Optional.of(new Match(e.endpoint, values));
            }
        }
        return Optional.empty();
    }

    /** Whether any method is defined for this path (distinguishes 501 "not implemented" cases). */
    public boolean knowsPath(String path) {
        return entries.stream().anyMatch(e -> e.regex.matcher(path).matches());
    }
}
