package io.github.proxmoxlxc.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulator injects into matching requests; see
 * {@link PveSimulator#injectFault(String, Fault)} and {@link PveSimulator#injectFault(String, int, Fault)}.
 *
 * <p>Faults act before the request reaches the model (nothing happens on the "server"), except
 * {@link #proxyTimeout()} which, like a real {@code 596} from pveproxy, answers after the model
 * has handled the request — the operation did happen — and {@link #delay(Duration)} and
 * {@link #taskError(int, String)} which let the request proceed.
 *
 * <pre>{@code
 * sim.injectFault("POST /nodes/{node}/lxc", 1, Fault.connectionReset());
 * sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 1, Fault.taskError(0, "startup for container '100' failed"));
 * }</pre>
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** The connection is reset without a response. */
        CONNECTION_RESET,
        /** The connection is closed without any bytes. */
        EMPTY_RESPONSE,
        /** The response is delayed (real time, not scaled). */
        DELAY,
        /** A given status, reason phrase and body. */
        STATUS,
        /** {@code 595 Connection refused}, before handling (pvedaemon or the target node unreachable). */
        PROXY_CONNECT_FAILED,
        /** {@code 596 Connection timed out}, after handling (the proxied call took longer than 30 s). */
        PROXY_TIMEOUT,
        /** {@code 500 can't lock file '/run/lock/lxc/pve-config-N.lock' - got timeout}. */
        LOCK_HELD,
        /** The task started by the request ends in an error after a given number of log steps. */
        TASK_ERROR,
        /**
         * The config flock is held while the worker started by the request waits for it: the task
         * ends with {@code can't lock file '/run/lock/lxc/pve-config-N.lock' - got timeout}.
         */
        LOCK_HELD_IN_WORKER
    }

    private final Kind kind;
    private final int status;
    private final String reason;
    private final String body;
    private final Duration delay;
    private final int step;

    private Fault(Kind kind, int status, String reason, String body, Duration delay, int step) {
        this.kind = kind;
        this.status = status;
        this.reason = reason;
        this.body = body;
        this.delay = delay;
        this.step = step;
    }

    /** Resets the TCP connection instead of answering. */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, "", "", Duration.ZERO, 0);
    }

    /** Closes the connection without sending anything. */
    public static Fault emptyResponse() {
        return new Fault(Kind.EMPTY_RESPONSE, 0, "", "", Duration.ZERO, 0);
    }

    /** Delays the (otherwise normal) response by a real-time duration. */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Fault(Kind.DELAY, 0, "", "", delay, 0);
    }

    /**
     * Answers with this status, reason phrase and raw body instead of handling the request.
     *
     * @param status HTTP status, 100..999 (595/596/597 are AnyEvent::HTTP pseudo codes)
     * @param reason reason phrase, a single line
     * @param body raw body (may be empty)
     */
    public static Fault status(int status, String reason, String body) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be 100..999: " + status);
        }
        if (reason.indexOf('\n') >= 0 || reason.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("reason must be one line: " + reason);
        }
        return new Fault(Kind.STATUS, status, reason, body, Duration.ZERO, 0);
    }

    /** {@code 595 Connection refused} with an empty body, before the request is handled. */
    public static Fault proxyConnectFailed() {
        return new Fault(Kind.PROXY_CONNECT_FAILED, 595, "Connection refused", "", Duration.ZERO, 0);
    }

    /** {@code 596 Connection timed out} with an empty body, after the request was handled. */
    public static Fault proxyTimeout() {
        return new Fault(Kind.PROXY_TIMEOUT, 596, "Connection timed out", "", Duration.ZERO, 0);
    }

    /**
     * The config flock is held by someone else: 500 {@code can't lock file ... - got timeout}.
     * On {@code POST /nodes/{node}/lxc} the text carries create_vm's prefix,
     * {@code unable to create CT N - } ({@code unable to restore CT N - } with {@code restore}),
     * as {@code create_and_lock_config} fails before the task starts.
     */
    public static Fault lockHeld() {
        return new Fault(Kind.LOCK_HELD, 500, "", "", Duration.ZERO, 0);
    }

    /**
     * The config flock is held while the worker of the matching request waits for it (up to 10 s
     * on a node): the call answers a UPID and the task logs {@code trying to acquire lock...} and
     * ends with {@code can't lock file '/run/lock/lxc/pve-config-N.lock' - got timeout}. The
     * workers of create, restore, start, stop, shutdown, suspend, destroy and resize take the lock
     * inside the task; nothing of the operation happens. A create (or restore of a new guest)
     * leaves its config behind holding only {@code lock: create}, as create_vm's worker removes
     * neither (its cleanup runs inside the lock); a restore over an existing guest is modelled as
     * if the guest were new. On any other endpoint this acts as {@link #lockHeld()}.
     */
    public static Fault lockHeldInWorker() {
        return new Fault(Kind.LOCK_HELD_IN_WORKER, 0, "", "", Duration.ZERO, 0);
    }

    /**
     * The task started by the matching request ends with {@code TASK ERROR: message} after
     * {@code step} log lines (0 = fails at once).
     */
    public static Fault taskError(int step, String message) {
        Objects.requireNonNull(message, "message");
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0: " + step);
        }
        if (message.isEmpty() || message.equals("OK") || message.matches("WARNINGS: \\d+")) {
            throw new IllegalArgumentException("message must be an error text, not a success status: '" + message + "'");
        }
        return new Fault(Kind.TASK_ERROR, 0, "", message, Duration.ZERO, step);
    }

    /** The kind of fault. */
    public Kind kind() {
        return kind;
    }

    /** Status for {@link Kind#STATUS}, 595, 596 or 500; 0 otherwise. */
    public int status() {
        return status;
    }

    /** Reason phrase for {@link Kind#STATUS}, 595 and 596. */
    public String reason() {
        return reason;
    }

    /** Raw body for {@link Kind#STATUS}, or the error message for {@link Kind#TASK_ERROR}. */
    public String body() {
        return body;
    }

    /** Delay for {@link Kind#DELAY}. */
    public Duration delay() {
        return delay;
    }

    /** Log step at which a {@link Kind#TASK_ERROR} fails. */
    public int step() {
        return step;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status != 0 ? " " + status : "") + (delay.isZero() ? "" : " " + delay) + "]";
    }
}
