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
 * <p>A rule for {@code "*"} hits every API request, the ticket login {@code POST /access/ticket}
 * included; {@link PveSimulator#injectFault(String, Fault)} says how to keep the login out.
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

    /**
     * Resets the TCP connection instead of answering; the request is not handled, nothing changes.
     * What a client sees when pveproxy is restarted or a middlebox drops the connection.
     *
     * @return the fault
     */
    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, 0, "", "", Duration.ZERO, 0);
    }

    /**
     * Closes the connection without sending a single byte; the request is not handled, nothing
     * changes. A client sees an end of stream where the status line should be.
     *
     * @return the fault
     */
    public static Fault emptyResponse() {
        return new Fault(Kind.EMPTY_RESPONSE, 0, "", "", Duration.ZERO, 0);
    }

    /**
     * Delays the otherwise normal response by a real-time duration (not scaled by the time scale):
     * the request is handled at once, so its effect (a task started, a config changed) is visible
     * before the answer arrives, as with a slow network or a busy pveproxy. For client read
     * timeouts.
     *
     * @param delay how long the answer is held back, not negative
     * @return the fault
     * @throws IllegalArgumentException if the delay is negative
     */
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
     * @param body raw body (may be empty; when not, it is sent as {@code application/json})
     * @return the fault
     * @throws IllegalArgumentException if the status is out of range or the reason has a line break
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

    /**
     * {@code 595 Connection refused} with an empty body, before the request is handled (nothing
     * changes): what pveproxy answers when it cannot reach pvedaemon or, for a call proxied to
     * another node, that node.
     *
     * @return the fault
     */
    public static Fault proxyConnectFailed() {
        return new Fault(Kind.PROXY_CONNECT_FAILED, 595, "Connection refused", "", Duration.ZERO, 0);
    }

    /**
     * {@code 596 Connection timed out} with an empty body, after the request was handled: the
     * operation did happen (a task may be running), only the answer is lost, as when a call proxied
     * by pveproxy takes longer than its 30 s limit. Clients must not assume a 596 means "not done".
     *
     * @return the fault
     */
    public static Fault proxyTimeout() {
        return new Fault(Kind.PROXY_TIMEOUT, 596, "Connection timed out", "", Duration.ZERO, 0);
    }

    /**
     * The config flock is held by someone else: 500 {@code can't lock file ... - got timeout}.
     * On {@code POST /nodes/{node}/lxc} the text carries create_vm's prefix,
     * {@code unable to create CT N - } ({@code unable to restore CT N - } with {@code restore}),
     * as {@code create_and_lock_config} fails before the task starts. The request is not handled.
     *
     * @return the fault
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
     *
     * @return the fault
     */
    public static Fault lockHeldInWorker() {
        return new Fault(Kind.LOCK_HELD_IN_WORKER, 0, "", "", Duration.ZERO, 0);
    }

    /**
     * The task started by the matching request ends with {@code TASK ERROR: message} after
     * {@code step} log lines (0 = fails at once). The request itself succeeds and answers the UPID,
     * as on a real node, where the worker fails after it was forked; the task takes the share of its
     * duration its log lines stand for, and what the task would have done on success does not
     * happen (a failed create removes its container and volumes). On a request that starts no task
     * the fault has no effect.
     *
     * @param step how many of the task's normal log lines are written first; more than it has
     *     means all of them
     * @param message the error text, e.g. {@code startup for container '100' failed}
     * @return the fault
     * @throws IllegalArgumentException if the step is negative or the message is empty or a success
     *     status ({@code OK}, {@code WARNINGS: n})
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

    /** {@return the kind of fault, which decides how the other values are used} */
    public Kind kind() {
        return kind;
    }

    /**
     * {@return the HTTP status answered: the given one for {@link Kind#STATUS}, 595, 596 or 500 for
     * {@link Kind#PROXY_CONNECT_FAILED}, {@link Kind#PROXY_TIMEOUT} and {@link Kind#LOCK_HELD}; 0 otherwise}
     */
    public int status() {
        return status;
    }

    /**
     * {@return the reason phrase for {@link Kind#STATUS}, 595 and 596; empty otherwise (a
     * {@link Kind#LOCK_HELD} answer carries the error text as its reason, as pveproxy sends it)}
     */
    public String reason() {
        return reason;
    }

    /** {@return the raw body for {@link Kind#STATUS}, or the error message for {@link Kind#TASK_ERROR}; empty otherwise} */
    public String body() {
        return body;
    }

    /** {@return the real-time delay for {@link Kind#DELAY}; zero otherwise} */
    public Duration delay() {
        return delay;
    }

    /** {@return how many log lines a {@link Kind#TASK_ERROR} task writes before it fails; 0 otherwise} */
    public int step() {
        return step;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status != 0 ? " " + status : "") + (delay.isZero() ? "" : " " + delay) + "]";
    }
}
