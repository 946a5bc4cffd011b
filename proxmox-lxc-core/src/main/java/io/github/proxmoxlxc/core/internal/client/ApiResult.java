package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful response: status, the parsed envelope and the body text. */
public record ApiResult(int status, JsonNode root, String body) {

    /** The envelope's {@code data}, or a null node. */
    public JsonNode data() {
        JsonNode d = root == null ? null : root.get("data");
        return d == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : d;
    }
}
