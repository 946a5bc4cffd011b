package io.github.proxmoxlxc.core.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest or its configuration file is locked.
 *
 * <p>Two forms: a persistent config lock, {@code CT is locked (create)} (lock type {@code create},
 * {@code disk}, {@code backup}, ...), which lasts until the locking operation ends; and a short-term
 * file lock that timed out, {@code can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout},
 * which is transient (the client retries it for idempotent calls).
 */
public class LockedException extends ApiException {
    private static final long serialVersionUID = 1L;
    private static final Pattern LOCK_TYPE = Pattern.compile("(?:CT|VM) is locked \\(([^)]+)\\)");
    private static final Pattern LOCK_FILE = Pattern.compile("can't lock file '([^']+)' - got timeout");

    /** The persistent lock type, or null. */
    private final String lockType;
    /** The lock file that timed out, or null. */
    private final String lockFile;

    /**
     * Creates the exception and parses the lock type or file out of the error text.
     *
     * @param error what the server said
     */
    public LockedException(ApiError error) {
        super(error);
        Matcher t = LOCK_TYPE.matcher(error.text());
        lockType = t.find() ? t.group(1) : null;
        Matcher f = LOCK_FILE.matcher(error.text());
        lockFile = f.find() ? f.group(1) : null;
    }

    /**
     * Creates the exception for a lock found outside the API (a node-side config file), with its
     * own message; the lock type or file is parsed out of the error text as above.
     *
     * @param error what Proxmox would have answered, e.g. {@code 500 CT is locked (backup)}
     * @param message the message
     */
    protected LockedException(ApiError error, String message) {
        super(error, message);
        Matcher t = LOCK_TYPE.matcher(error.text());
        lockType = t.find() ? t.group(1) : null;
        Matcher f = LOCK_FILE.matcher(error.text());
        lockFile = f.find() ? f.group(1) : null;
    }

    /**
     * Whether the text says a guest is locked or a lock file timed out.
     *
     * @param text an error text
     * @return true if this exception type applies
     */
    public static boolean matches(String text) {
        return LOCK_TYPE.matcher(text).find() || LOCK_FILE.matcher(text).find();
    }

    /**
     * The persistent lock, e.g. {@code create}, {@code disk}, {@code backup}.
     *
     * @return the lock type, empty for a lock-file timeout
     */
    public Optional<String> lockType() {
        return Optional.ofNullable(lockType);
    }

    /**
     * The lock file that could not be taken in time.
     *
     * @return the lock file, empty for a persistent lock
     */
    public Optional<String> lockFile() {
        return Optional.ofNullable(lockFile);
    }

    /**
     * Whether this is a short-term lock-file timeout, which is worth retrying.
     *
     * @return true for {@code can't lock file ... got timeout}
     */
    public boolean isTransient() {
        return lockFile != null;
    }
}
