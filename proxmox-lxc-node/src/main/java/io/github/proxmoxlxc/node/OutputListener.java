package io.github.proxmoxlxc.node;

/**
 * Receives a command's output line by line while it runs (without the line terminator). Called
 * from the SSH I/O threads: keep it quick and thread-safe.
 */
public interface OutputListener {

    /**
     * A listener that ignores everything.
     *
     * @return the listener
     */
    static OutputListener none() {
        return new OutputListener() {
        };
    }

    /**
     * One line of standard output.
     *
     * @param line the line
     */
    default void stdout(String line) {
    }

    /**
     * One line of standard error.
     *
     * @param line the line
     */
    default void stderr(String line) {
    }
}
