package io.github.proxmoxlxc.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.ApiRequest;
import io.github.proxmoxlxc.core.internal.client.ApiResult;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for tasks: polls status on the task's node by the {@link PollSchedule}, tolerates a fresh
 * UPID that is not visible yet, streams the log, and turns the exit status into a result or a
 * {@link TaskFailedException}. The async variant only occupies a thread while a poll is in flight.
 */
final class TaskWaiter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);
    private static final int LOG_PAGE = 500;

    private final ApiExecutor api;
    private final Clock clock;
    private final PollSchedule defaultSchedule;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Set<CompletableFuture<TaskResult>> open = ConcurrentHashMap.newKeySet();

    /**
     * Creates the waiter.
     *
     * @param api the executor
     * @param clock the clock for {@link TaskPoll#at()} and {@link TaskResult#noticedAt()}
     * @param defaultSchedule the schedule when a wait does not set one
     */
    TaskWaiter(ApiExecutor api, Clock clock, PollSchedule defaultSchedule) {
        this.api = api;
        this.clock = clock;
        this.defaultSchedule = defaultSchedule;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("proxmox-task-timer"));
        this.workers = Executors.newCachedThreadPool(daemon("proxmox-task-poll"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The task status path of a UPID (on the task's own node, UPID percent-encoded). */
    static String taskPath(Upid upid, String leaf) {
        return "/nodes/" + Paths.seg(upid.node()) + "/tasks/" + Paths.seg(upid.toString()) + "/" + leaf;
    }

    /** Reads a task's status once. */
    TaskStatus status(Upid upid) {
        return Wire.taskStatus(upid, api.data(HttpMethod.GET, taskPath(upid, "status"), Map.of()));
    }

    /** Reads log lines {@code start+1 ..} (at most {@code limit}); returns lines and the total count. */
    LogPage log(Upid upid, int start, int limit) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("start", Integer.toString(start));
        q.put("limit", Integer.toString(limit));
        ApiResult r = api.execute(ApiRequest.of(HttpMethod.GET, taskPath(upid, "log"), q));
        JsonNode total = r.root() == null ? null : r.root().get("total");
        List<TaskLogLine> lines = Decoders.list(r.data(), Wire::logLine);
        return new LogPage(lines, total == null ? -1 : total.asInt(-1));
    }

    /** A page of a task log and the server's total line count (-1 if not sent). */
    record LogPage(List<TaskLogLine> lines, int total) {
    }

    /** Waits on the calling thread; interruptible. */
    TaskResult await(Upid upid, TaskWait wait) {
        Run run = new Run(upid, wait);
        while (true) {
            Duration delay = run.nextDelay();
            try {
                if (!delay.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(delay.toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProxmoxException("interrupted while waiting for task " + upid + " (" + run.polls
                        + " polls); the task keeps running on the server", e);
            }
            TaskResult r;
            try {
                r = run.poll();
            } catch (ProxmoxException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ProxmoxException("interrupted while waiting for task " + upid + " (" + run.polls
                            + " polls); the task keeps running on the server", e);
                }
                throw e;
            }
            if (r != null) {
                return r;
            }
        }
    }

    /** Waits without blocking the caller; cancelling the future stops polling (not the task). */
    CompletableFuture<TaskResult> awaitAsync(Upid upid, TaskWait wait) {
        CompletableFuture<TaskResult> f = new CompletableFuture<>();
        Run run;
        try {
            run = new Run(upid, wait);
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
            return f;
        }
        AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();
        open.add(f);
        f.whenComplete((r, t) -> {
            open.remove(f);
            ScheduledFuture<?> p = pending.get();
            if (p != null) {
                p.cancel(false);
            }
        });
        try {
            scheduleNext(run, f, pending);
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new ProxmoxException("cannot wait for task " + upid + ": the client is closed", e));
        }
        return f;
    }

    private void scheduleNext(Run run, CompletableFuture<TaskResult> f, AtomicReference<ScheduledFuture<?>> pending) {
        if (f.isDone()) {
            return;
        }
        Duration delay = run.nextDelay();
        pending.set(timer.schedule(() -> workers.execute(() -> {
            if (f.isDone()) {
                return;
            }
            try {
                TaskResult r = run.poll();
                if (r != null) {
                    f.complete(r);
                } else {
                    scheduleNext(run, f, pending);
                }
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        }), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Stops polling; waits still pending fail with a ProxmoxException (their tasks keep running). */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        for (CompletableFuture<TaskResult> f : open) {
            f.completeExceptionally(new ProxmoxException("stopped waiting: the client was closed"));
        }
    }

    /** The state of one wait. */
    private final class Run {
        private final Upid upid;
        private final TaskWait wait;
        private final PollSchedule schedule;
        private final long startNanos = System.nanoTime();
        private final long deadlineNanos;
        private int polls;
        private int logSeen;

        Run(Upid upid, TaskWait wait) {
            this.upid = java.util.Objects.requireNonNull(upid, "upid");
            this.wait = java.util.Objects.requireNonNull(wait, "wait");
            this.schedule = wait.schedule().orElse(defaultSchedule);
            this.deadlineNanos = startNanos + wait.timeout().toNanos();
        }

        /** The wait before the next poll, capped at the deadline; throws if the deadline passed. */
        Duration nextDelay() {
            long now = System.nanoTime();
            long left = deadlineNanos - now;
            if (left <= 0) {
                throw new ProxmoxTimeoutException("task " + upid + " did not finish within " + wait.timeout() + " ("
                        + polls + " polls); it keeps running on the server");
            }
            Duration d = schedule.delayBefore(polls + 1);
            return d.toNanos() > left ? Duration.ofNanos(left) : d;
        }

        /** One poll: a result when the task succeeded, null to poll again; throws on failure. */
        TaskResult poll() {
            polls++;
            TaskStatus st;
            try {
                st = status(upid);
            } catch (NotFoundException e) {
                if (System.nanoTime() - startNanos <= schedule.notVisibleGrace().toNanos()) {
                    notifyPoll(Optional.empty());
                    LOG.debug("task {} not visible yet (poll {})", upid, polls);
                    return null;
                }
                throw e;
            }
            notifyPoll(Optional.of(st.state()));
            wait.logListener().ifPresent(this::streamLog);
            if (st.running()) {
                return null;
            }
            if (st.succeeded()) {
                String exit = st.exitStatus().orElseThrow();
                LOG.debug("task {} finished: {} after {} polls", upid, exit, polls);
                return new TaskResult(upid, exit, st.warnings(), polls,
                        Duration.ofNanos(System.nanoTime() - startNanos), clock.instant());
            }
            String exit = st.exitStatus().orElse("unknown exit status");
            throw new TaskFailedException(upid, exit, tail());
        }

        private void notifyPoll(Optional<TaskState> state) {
            wait.pollListener().ifPresent(l -> l.accept(new TaskPoll(upid, polls, clock.instant(), state)));
        }

        private void streamLog(Consumer<TaskLogLine> listener) {
            while (true) {
                LogPage page = log(upid, logSeen, LOG_PAGE);
                int before = logSeen;
                for (TaskLogLine l : page.lines()) {
                    if (l.n() <= logSeen || (l.n() == 1 && l.text().equals("no content"))) {
                        continue;
                    }
                    listener.accept(l);
                    logSeen = l.n();
                }
                if (page.lines().size() < LOG_PAGE || logSeen == before) {
                    return;
                }
            }
        }

        private List<String> tail() {
            int k = wait.logTailLines();
            if (k == 0) {
                return List.of();
            }
            try {
                int total = log(upid, 0, 1).total();
                LogPage page = log(upid, Math.max(0, total - k), k);
                List<String> out = new ArrayList<>();
                page.lines().forEach(l -> out.add(l.text()));
                return out;
            } catch (ProxmoxException e) {
                LOG.debug("could not read the log tail of {}: {}", upid, e.getMessage());
                return List.of();
            }
        }
    }
}
