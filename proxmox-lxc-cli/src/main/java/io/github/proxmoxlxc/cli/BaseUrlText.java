package io.github.proxmoxlxc.cli;

/** URL text for messages: a {@code user:password@} part is never shown. */
final class BaseUrlText {
    private BaseUrlText() {
    }

    /** The URL with any user info replaced by {@code ***@}. */
    static String redact(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.\\-]*://)?[^/?#@]*@", "$1***@");
    }
}
