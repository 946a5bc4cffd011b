package io.github.proxmoxlxc.cli;

/** The exit codes of {@code proxmox-lxc}; documented in {@code --help} and the README. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** An unexpected internal error (a bug): the message says what. */
    static final int INTERNAL = 1;
    /** Usage: unknown command or option, missing or malformed argument. */
    static final int USAGE = 2;
    /**
     * Invalid input: a configuration value, spec field or file that breaks a rule, or a preflight
     * check that finds one of the user's values wrong for the cluster (node, storage, VMID, space,
     * template).
     */
    static final int INVALID_INPUT = 3;
    /** Authentication failed (401): wrong token or password. */
    static final int AUTH = 4;
    /** Permission denied (403), or a step needs root@pam and only a token was given. */
    static final int PERMISSION = 5;
    /** Any other API or connection error (400, 404, 5xx, TLS, network). */
    static final int API = 6;
    /** A Proxmox task ended with an error. */
    static final int TASK_FAILED = 7;
    /** A task or wait did not finish in time. */
    static final int TIMEOUT = 8;
    /**
     * Provisioning failed and the container was rolled back (nothing left behind), or an update failed and
     * the container was restored from its pre-update snapshot.
     */
    static final int ROLLED_BACK = 9;
    /**
     * A container needs attention: provisioning left one behind (kept on request, or rollback failed), an
     * update may be half-applied, or ensure left differences it could not apply (or only checked them).
     */
    static final int NEEDS_ATTENTION = 10;

    /** The exit code table for {@code --help}. */
    static final String HELP = "%nExit codes:%n"
            + "  0   success%n"
            + "  1   internal error (a bug; please report it)%n"
            + "  2   usage: unknown command or option, bad argument%n"
            + "  3   invalid input: a configuration value, spec field or file breaks a rule,%n"
            + "      or preflight finds a value wrong for the cluster (node, storage, VMID)%n"
            + "  4   authentication failed (401)%n"
            + "  5   permission denied (403) or the step needs root@pam%n"
            + "  6   other API or connection error (400, 404, 5xx, TLS, network)%n"
            + "  7   a Proxmox task failed%n"
            + "  8   timeout%n"
            + "  9   failed and rolled back: create left nothing behind, update restored%n"
            + "      the container from its pre-update snapshot%n"
            + "  10  needs attention: create left a container behind (kept, or rollback%n"
            + "      failed), an update may be half-applied, or ensure left differences%n";

    private ExitCodes() {
    }
}
