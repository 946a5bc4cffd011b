package io.github.proxmoxlxc.core.internal.client;

import java.net.URI;
import java.net.URISyntaxException;
import okhttp3.HttpUrl;

/** Normalizes the configured server URL to {@code scheme://host:port/.../api2/json}. */
public final class BaseUrl {
    /** pveproxy's port. */
    public static final int DEFAULT_PORT = 8006;

    private BaseUrl() {
    }

    /**
     * Parses a base URL: adds https when no scheme, port 8006 when none, and {@code /api2/json}.
     *
     * @throws IllegalArgumentException naming the value and the rule
     */
    public static HttpUrl parse(String raw) {
        String s = raw.trim();
        if (hasUserInfo(s)) {
            throw new IllegalArgumentException("baseUrl: '" + redact(s) + "' must not have user info (user:password@);"
                    + " give the credentials separately");
        }
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl: '" + raw + "' is not a URL (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("baseUrl: '" + raw + "' must use https (or http)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("baseUrl: '" + raw + "' has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl: '" + raw + "' must not have user info, query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/api2")) {
            path = path + "/json";
        } else if (!path.endsWith("/api2/json")) {
            path = path + "/api2/json";
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        HttpUrl url = HttpUrl.parse(scheme + "://" + hostForUrl(uri.getHost()) + ":" + port + path);
        if (url == null) {
            throw new IllegalArgumentException("baseUrl: '" + raw + "' is not a valid URL");
        }
        return url;
    }

    /**
     * The URL with any {@code user:password@} part replaced by {@code ***@}, for messages.
     *
     * @param raw the URL as given
     * @return the URL without user info
     */
    public static String redact(String raw) {
        return raw.replaceFirst("^([A-Za-z][A-Za-z0-9+.\\-]*://)?[^/?#]*@", "$1***@");
    }

    private static boolean hasUserInfo(String s) {
        int start = s.indexOf("://");
        String rest = start < 0 ? s : s.substring(start + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end).contains("@");
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
