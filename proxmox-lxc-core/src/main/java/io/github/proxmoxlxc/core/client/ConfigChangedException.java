package io.github.proxmoxlxc.core.client;

/**
 * The configuration changed since its digest was read: Proxmox refused the write
 * ({@code detected modified configuration - file changed by other user? Try again.}, from
 * {@code PVE::Tools::assert_if_modified}). Nothing was written; read the configuration again,
 * decide whether the change still applies, and retry with the new digest.
 */
public class ConfigChangedException extends ApiException {
    private static final long serialVersionUID = 1L;
    private static final String TEXT = "detected modified configuration";

    /**
     * Creates the exception.
     *
     * @param error what the server said
     */
    public ConfigChangedException(ApiError error) {
        super(error);
    }

    /**
     * Whether the text is Proxmox's digest-mismatch message.
     *
     * @param text an error text
     * @return true if this exception type applies
     */
    public static boolean matches(String text) {
        return text.contains(TEXT);
    }
}
