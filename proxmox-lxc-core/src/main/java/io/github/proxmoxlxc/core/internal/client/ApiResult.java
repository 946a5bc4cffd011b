package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;

/**
 * A successful response: status, the parsed envelope and the body as received (UTF-8 bytes, decoded to text
 * only when asked for: most callers need the tree alone).
 */
public final class ApiResult {
    private final int status;
    private final JsonNode root;
    private final byte[] body;

    ApiResult(int status, JsonNode root, byte[] body) {
        this.status = status;
        this.root = root;
        this.body = body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The parsed envelope, or null for an empty body. */
    public JsonNode root() {
        return root;
    }

    /** The body as text. */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The envelope's {@code data}, or a null node. */
    public JsonNode data() {
        JsonNode d = root == null ? null : root.get("data");
        return d == null ? NullNode.getInstance() : d;
    }
}
