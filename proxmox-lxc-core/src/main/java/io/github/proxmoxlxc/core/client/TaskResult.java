package io.github.proxmoxlxc.core.client;

import java.time.Duration;
import java.time.Instant;

/**
 * A task that ended successfully, as noticed by waiting for it.
 *
 * @param upid the task
 * @param exitStatus {@code OK} or {@code WARNINGS: n}
 * @param warnings the number of warnings (0 for {@code OK})
 * @param polls how many status polls the wait made
 * @param waited how long the wait took
 * @param noticedAt when the client saw the task stopped (from the client's clock)
 */
public record TaskResult(Upid upid, String exitStatus, int warnings, int polls, Duration waited, Instant noticedAt) {
}
