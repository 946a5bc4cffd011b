package io.github.proxmoxlxc.testkit.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One method + path of the official schema, e.g. {@code POST /nodes/{node}/lxc}.
 *
 * @param method HTTP method
 * @param template path template as the schema names it
 * @param pathParams names of the {@code {x}} segments, in order
 * @param info the schema's {@code info[METHOD]} object
 * @param key the key used everywhere: {@code "METHOD /template"} (computed once, read per request)
 */
public record Endpoint(String method, String template, List<String> pathParams, JsonNode info, String key) {

    /** An endpoint with its key derived from method and template. */
    public Endpoint(String method, String template, List<String> pathParams, JsonNode info) {
        this(method, template, pathParams, info, method + " " + template);
    }

    /** The schema's {@code parameters} object (never null). */
    public JsonNode parameters() {
        return info.path("parameters");
    }

    /** Whether the endpoint accepts API tokens ({@code allowtoken}, default 1). */
    public boolean allowsToken() {
        return info.path("allowtoken").asInt(1) != 0;
    }

    /** Converts the template into a regex over the decoded segments (one segment per parameter). */
    static Pattern regexOf(String template) {
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
        StringBuilder sb = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            sb.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        sb.append(Pattern.quote(template.substring(last))).append('$');
        return Pattern.compile(sb.toString());
    }
}
