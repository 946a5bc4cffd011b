package io.github.proxmoxlxc.testkit.internal.http;

import java.util.function.Function;

/**
 * A request as the handler sees it, independent of WireMock.
 *
 * @param method HTTP method
 * @param path raw (still percent-encoded) path without the query
 * @param query raw query string or null
 * @param header header lookup (case-insensitive, null when absent)
 * @param body raw body (empty when none)
 */
record SimRequest(String method, String path, String query, Function<String, String> header, byte[] body) {
}
