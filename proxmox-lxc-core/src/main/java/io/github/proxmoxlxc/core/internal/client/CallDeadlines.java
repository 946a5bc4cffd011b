package io.github.proxmoxlxc.core.internal.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * The whole-call deadline of {@link HttpTransport}: one sweeper thread per transport wakes once per
 * tick and cancels every call that is past its deadline, whatever it is doing (connecting, the TLS
 * handshake, writing, waiting for headers, reading a body that drips one byte a minute).
 *
 * <p>Why not OkHttp's {@code callTimeout}: it arms an okio {@code AsyncTimeout} per call, and arming
 * one at the head of okio's queue wakes okio's watchdog thread, so every request cost one more
 * cross-thread wake-up (2-3 % of sequential and 8-way throughput on two cores, measured with
 * {@code bench} {@code ClientSideBySide pairs=}). Here a call costs a set insert and remove; the
 * sweeper wakes once per tick however many requests run, and ends after {@link #IDLE} without
 * calls (the next call starts a new one), so an idle client holds no thread.
 *
 * <p>A call ends at most one tick after its deadline: the tick is a tenth of the timeout, at most
 * one second.
 */
final class CallDeadlines implements AutoCloseable {
    /** How long the sweeper stays without calls before it ends. */
    static final Duration IDLE = Duration.ofSeconds(30);

    private final long idleNanos;

    /** One registered call. */
    static final class Entry {
        private final Call call;
        private final long deadline;
        private volatile boolean expired;

        private Entry(Call call, long deadline) {
            this.call = call;
            this.deadline = deadline;
        }

        /** Whether the sweeper cancelled the call because its deadline passed. */
        boolean expired() {
            return expired;
        }
    }

    private final long timeoutNanos;
    private final long tickNanos;
    private final Set<Entry> inflight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread sweeper;
    /** Runs when the sweeper has found no call and is about to end (tests: a registration in that gap). */
    volatile Runnable endingHook;

    /**
     * Creates the deadlines; no thread starts before the first call.
     *
     * @param timeout the deadline of every call, counted from {@link #register}
     */
    CallDeadlines(Duration timeout) {
        this(timeout, IDLE);
    }

    /** As above, with the sweeper's idle time (tests). */
    CallDeadlines(Duration timeout, Duration idle) {
        this.idleNanos = idle.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 10));
    }

    /**
     * Starts the deadline of a call; pair every call with {@link #done}.
     *
     * @param call the call, cancelled if it is still registered after the deadline
     * @return the registration
     */
    Entry register(Call call) {
        Entry e = new Entry(call, System.nanoTime() + timeoutNanos);
        inflight.add(e);
        // after the add: a sweeper that is ending re-checks the set after clearing the flag (see sweep)
        if (!running.get() && running.compareAndSet(false, true)) {
            start();
        }
        return e;
    }

    /**
     * Ends the deadline of a call (its body has been read or it failed).
     *
     * @param e the registration
     */
    void done(Entry e) {
        inflight.remove(e);
    }

    private void start() {
        Thread t = new Thread(this::sweep, "proxmox-lxc-call-deadlines");
        t.setDaemon(true);
        sweeper = t;
        t.start();
    }

    private void sweep() {
        long idleSince = System.nanoTime();
        while (!closed) {
            LockSupport.parkNanos(this, tickNanos);
            long now = System.nanoTime();
            for (Entry e : inflight) {
                if (now - e.deadline >= 0 && !e.expired) {
                    e.expired = true;
                    e.call.cancel();
                }
            }
            if (!inflight.isEmpty()) {
                idleSince = now;
            } else if (now - idleSince >= idleNanos) {
                Runnable hook = endingHook;
                if (hook != null) {
                    hook.run();
                }
                running.set(false);
                // a call registered between the isEmpty above and the flag: keep sweeping for it,
                // unless that call has started a new sweeper already
                if (inflight.isEmpty() || !running.compareAndSet(false, true)) {
                    return;
                }
                idleSince = now;
            }
        }
    }

    /** Whether a sweeper thread is running (for tests). */
    boolean sweeperRunning() {
        Thread t = sweeper;
        return running.get() && t != null && t.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        Thread t = sweeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
