package io.github.proxmoxlxc.core.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authenticated user or token lacks a privilege (HTTP 403).
 *
 * <p>Proxmox says {@code Permission check failed (/vms/100, VM.Allocate)}; the ACL path and the
 * privilege are parsed out. Other forms ({@code (user != root@pam)},
 * {@code (configuring device passthrough is only allowed for root@pam)}) keep their text in
 * {@link #detail()}; such root-only checks also fail for API tokens, even root's own.
 */
public class PermissionException extends ApiException {
    private static final long serialVersionUID = 1L;
    private static final Pattern PATH_PRIV =
            Pattern.compile("Permission check failed \\((/[^,\\s)]*), ([A-Za-z][\\w.]*)\\)");
    private static final Pattern DETAIL = Pattern.compile("Permission check failed \\((.*)\\)\\s*$");

    /** The ACL path, or null. */
    private final String aclPath;
    /** The missing privilege, or null. */
    private final String privilege;
    /** The text in parentheses, or null. */
    private final String detail;

    /**
     * Creates the exception and parses path and privilege out of the error text.
     *
     * @param error what the server said
     */
    public PermissionException(ApiError error) {
        super(error);
        String text = error.text();
        Matcher m = PATH_PRIV.matcher(text);
        if (m.find()) {
            aclPath = m.group(1);
            privilege = m.group(2);
            detail = m.group(1) + ", " + m.group(2);
        } else {
            aclPath = null;
            privilege = null;
            Matcher d = DETAIL.matcher(text);
            detail = d.find() ? d.group(1) : null;
        }
    }

    /**
     * The ACL path the check was made on, e.g. {@code /vms/100}.
     *
     * @return the path, if the server named one
     */
    public Optional<String> aclPath() {
        return Optional.ofNullable(aclPath);
    }

    /**
     * The missing privilege, e.g. {@code VM.Allocate}.
     *
     * @return the privilege, if the server named one
     */
    public Optional<String> privilege() {
        return Optional.ofNullable(privilege);
    }

    /**
     * The text inside the parentheses, e.g. {@code mount point type bind is only allowed for root@pam}.
     *
     * @return the detail, if the text had the usual form
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
