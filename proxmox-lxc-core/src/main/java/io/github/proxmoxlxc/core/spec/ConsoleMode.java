package io.github.proxmoxlxc.core.spec;

import java.util.Locale;

/** How the console connects ({@code cmode}); Proxmox's default is {@link #TTY}. */
public enum ConsoleMode {
    /** Invoke a shell inside the container, no login. */
    SHELL,
    /** Attach to {@code /dev/console}. */
    CONSOLE,
    /** Open one of the available tty devices. */
    TTY;

    /**
     * The value Proxmox sends and expects, e.g. {@code tty}.
     *
     * @return the wire name
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decodes a wire name.
     *
     * @param value the value, e.g. {@code shell}
     * @return the mode
     * @throws InvalidSpecException naming {@code cmode} if the value is not one of the wire names
     */
    public static ConsoleMode parse(String value) {
        return WireEnums.parse(ConsoleMode.class, "cmode", value);
    }
}
