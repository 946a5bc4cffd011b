package io.github.proxmoxlxc.core.provision;

/**
 * Receives {@link ProvisionEvent}s as a run progresses, e.g. to draw progress lines or log.
 * Called on the provisioning thread (in bulk runs, several threads at once): return quickly and be
 * thread-safe. An exception thrown by the listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ProvisionListener {

    /**
     * Called for every event.
     *
     * @param event the event
     */
    void onEvent(ProvisionEvent event);

    /**
     * A listener that ignores every event; the same instance on every call. With it, the
     * provisioner skips work that would only feed a listener (reading task logs while waiting).
     *
     * @return the no-op listener
     */
    static ProvisionListener none() {
        return e -> { };
    }
}
