package io.github.proxmoxlxc.node;

/**
 * Receives the progress events of a {@link ContainerUpdate} on the calling thread, in order.
 */
@FunctionalInterface
public interface UpdateListener {
    /**
     * A listener that ignores everything.
     *
     * @return the listener
     */
    static UpdateListener none() {
        return p -> { };
    }

    /**
     * One progress event.
     *
     * @param progress the event
     */
    void progress(UpdateProgress progress);
}
