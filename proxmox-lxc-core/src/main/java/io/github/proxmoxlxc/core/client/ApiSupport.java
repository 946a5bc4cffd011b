package io.github.proxmoxlxc.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers shared by the resource classes. */
final class ApiSupport {
    private ApiSupport() {
    }

    static Upid upid(JsonNode data, String request) {
        String text = data == null || data.isNull() ? null : data.asText();
        if (!Upid.isUpid(text)) {
            throw new ProxmoxException(request + ": expected a task id (UPID) in the response but got '" + text + "'");
        }
        return Upid.parse(text);
    }

    /** Converts parameter values: Boolean to 0/1, numbers and text to their string form. */
    static Map<String, String> params(Map<String, ?> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (k == null || k.isEmpty()) {
                throw new IllegalArgumentException("params: parameter names must not be empty");
            }
            if (v == null) {
                throw new IllegalArgumentException("params: value of '" + k + "' is null (omit the key instead)");
            }
            if (v instanceof Boolean) {
                out.put(k, (Boolean) v ? "1" : "0");
            } else if (v instanceof CharSequence || v instanceof Number || v instanceof Upid) {
                out.put(k, v.toString());
            } else {
                throw new IllegalArgumentException("params: value of '" + k + "' has unsupported type "
                        + v.getClass().getName() + " (use String, Number or Boolean)");
            }
        });
        return out;
    }
}
