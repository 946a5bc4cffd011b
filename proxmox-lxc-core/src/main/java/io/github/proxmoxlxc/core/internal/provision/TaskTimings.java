package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.client.TaskWait;
import io.github.proxmoxlxc.core.client.Upid;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Task waits that learn: once tasks of a type (e.g. {@code vzcreate}) have been seen to finish, the
 * first poll of the next one is put shortly before its expected end (97 % of the shortest duration seen, or two poll intervals before it when that is later), so a long task costs few polls
 * and is still noticed soon after it ends.
 */
final class TaskTimings {
    /** The first poll goes at this share of the shortest duration seen. */
    private static final double LEAD = 0.97;

    private final PollSchedule base;
    private final boolean streamLogs;
    private final ConcurrentHashMap<String, Long> shortest = new ConcurrentHashMap<>();

    TaskTimings(PollSchedule base) {
        this(base, true);
    }

    /**
     * @param base the poll schedule
     * @param streamLogs whether log lines are read while waiting: only worth a request per poll
     *     when someone listens to the progress events they become
     */
    TaskTimings(PollSchedule base, boolean streamLogs) {
        this.base = base;
        this.streamLogs = streamLogs;
    }

    TaskWait waitFor(String type, Duration timeout, Consumer<String> logLines) {
        TaskWait.Builder b = TaskWait.builder().timeout(timeout);
        Long seen = shortest.get(type);
        if (seen != null) {
            // close to the expected end: 97 % of the shortest seen, or two poll intervals before it if that is later
            long first = Math.max((long) (seen * LEAD), seen - 2 * base.initialInterval().toNanos());
            if (first > base.firstDelay().toNanos()) {
                b.schedule(base.toBuilder().firstDelay(Duration.ofNanos(first)).build());
            } else {
                b.schedule(base);
            }
        } else {
            b.schedule(base);
        }
        if (logLines != null && streamLogs) {
            b.logListener(l -> logLines.accept(l.text()));
        }
        return b.build();
    }

    TaskResult await(ProxmoxClient client, Upid upid, TaskWait wait) {
        TaskResult r = client.tasks().await(upid, wait);
        shortest.merge(upid.type(), r.waited().toNanos(), Math::min);
        return r;
    }
}
