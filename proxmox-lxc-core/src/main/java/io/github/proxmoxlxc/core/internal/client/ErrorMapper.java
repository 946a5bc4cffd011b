package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.AlreadyExistsException;
import io.github.proxmoxlxc.core.client.ApiError;
import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.AuthenticationException;
import io.github.proxmoxlxc.core.client.ConfigChangedException;
import io.github.proxmoxlxc.core.client.LockedException;
import io.github.proxmoxlxc.core.client.NodeProxyException;
import io.github.proxmoxlxc.core.client.NotFoundException;
import io.github.proxmoxlxc.core.client.ParameterException;
import io.github.proxmoxlxc.core.client.PermissionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns an error response into the exception a caller can act on, keeping all its text. */
final class ErrorMapper {
    private static final Pattern NOT_FOUND = Pattern.compile(
            "does not exist|no such (task|vm|ct|container|storage|node|volume|file)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_PLAIN_BODY = 500;

    private ErrorMapper() {
    }

    static ProxmoxException map(String method, String path, int status, String reason, String body) {
        String message = null;
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode root = null;
        if (body != null && !body.isBlank()) {
            try {
                root = Json.parse(body);
            } catch (Exception notJson) {
                // low-level server errors (501, 400 invalid url) send the message as a plain body
                message = body.strip();
                if (message.length() > MAX_PLAIN_BODY) {
                    message = message.substring(0, MAX_PLAIN_BODY) + "...";
                }
            }
        }
        if (root != null && root.isObject()) {
            message = strip(Json.str(root, "message"));
            JsonNode errs = root.get("errors");
            if (errs != null && errs.isObject()) {
                for (Map.Entry<String, JsonNode> e : errs.properties()) {
                    errors.put(e.getKey(), strip(e.getValue().isValueNode() ? e.getValue().asText()
                            : e.getValue().toString()));
                }
            }
        }
        ApiError error = new ApiError(method, path, status, reason == null ? "" : reason, message == null ? "" : message,
                errors);
        return classify(error);
    }

    static ProxmoxException classify(ApiError error) {
        int status = error.status();
        if (NodeProxyException.isProxyStatus(status)) {
            return new NodeProxyException(error);
        }
        if (status == 401) {
            return new AuthenticationException(error);
        }
        if (status == 403) {
            return new PermissionException(error);
        }
        String all = error.text() + "\n" + String.join("\n", error.errors().values());
        if (LockedException.matches(all)) {
            return new LockedException(error);
        }
        if (ConfigChangedException.matches(all)) {
            return new ConfigChangedException(error);
        }
        if (all.contains("already exists")) {
            return new AlreadyExistsException(error);
        }
        if (status == 404 || NOT_FOUND.matcher(all).find()) {
            return new NotFoundException(error);
        }
        if (status == 400) {
            return new ParameterException(error);
        }
        return new ApiException(error);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
