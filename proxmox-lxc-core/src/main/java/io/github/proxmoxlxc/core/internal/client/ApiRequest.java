package io.github.proxmoxlxc.core.internal.client;

import io.github.proxmoxlxc.core.client.HttpMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One API request: method, encoded path below {@code /api2/json}, parameters (query for GET/DELETE,
 * form body for POST/PUT), whether it may be re-sent, and whether it carries credentials.
 */
public record ApiRequest(HttpMethod method, String path, Map<String, String> params, boolean idempotent,
                         boolean authenticated) {
    /** Parameter names whose values are secrets (login password, root password, tokens). */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|ticket|token|csrf|otp|tfa|key).*");

    /** Copies the parameters, keeping their order. */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path: '" + path + "' must start with '/'");
        }
        params = params.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A request whose idempotency follows its method, with credentials. */
    public static ApiRequest of(HttpMethod method, String path, Map<String, String> params) {
        return new ApiRequest(method, path, params, method.idempotent(), true);
    }

    /** The key of the per-node concurrency limit: the node in {@code /nodes/{node}/...}, else "". */
    public String nodeKey() {
        if (path.startsWith("/nodes/")) {
            int end = path.indexOf('/', 7);
            return end < 0 ? path.substring(7) : path.substring(7, end);
        }
        return "";
    }

    /**
     * The parameters for logs: values of secret-looking names shown as {@code ***}.
     *
     * @return e.g. {@code {username=root@pam, password=***}}
     */
    public String redactedParams() {
        StringBuilder sb = new StringBuilder("{");
        params.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(SECRET_KEY.matcher(k.toLowerCase(Locale.ROOT)).matches() ? "***" : v);
        });
        return sb.append('}').toString();
    }

    /** Describes the request without secret parameter values (a login carries the password). */
    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + " " + redactedParams() + (idempotent ? ", idempotent" : "")
                + (authenticated ? "" : ", unauthenticated") + "]";
    }
}
