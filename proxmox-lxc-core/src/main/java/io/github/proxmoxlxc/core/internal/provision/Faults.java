package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.TlsTrustException;
import io.github.proxmoxlxc.core.client.TransportException;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import java.util.Locale;

/** How the provisioner classifies failures of a call. */
public final class Faults {
    private Faults() {
    }

    /**
     * Whether the response was lost: the request may or may not have been carried out (I/O error,
     * timeout, 595/596 from the proxy hop). A change must be checked before it is tried again.
     *
     * @param t the failure
     * @return true when the outcome is unknown
     */
    public static boolean lostResponse(Throwable t) {
        return t instanceof TransportException && !(t instanceof TlsTrustException);
    }

    /**
     * Whether trying again later may succeed: a lost response, a held config lock, 502/503/504.
     *
     * @param t the failure
     * @return true when transient
     */
    public static boolean transientFailure(Throwable t) {
        return ApiExecutor.retryable(t);
    }

    /**
     * Whether the failure proves the request had no effect; the client has then already re-sent
     * it as often as its retry policy allows, so the provisioner must not loop around it again.
     *
     * @param t the failure
     * @return true when the request certainly was not carried out
     */
    public static boolean notCarriedOut(Throwable t) {
        return ApiExecutor.notCarriedOut(t);
    }

    /**
     * Whether an error says the VMID is already used.
     *
     * @param t the failure
     * @return true for {@code CT/VM <id> already exists}
     */
    public static boolean alreadyExists(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return t instanceof io.github.proxmoxlxc.core.client.AlreadyExistsException
                || m.contains("already exists") || m.contains("already in use");
    }

    /**
     * A short description without stack trace.
     *
     * @param t the failure
     * @return class and message
     */
    public static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
