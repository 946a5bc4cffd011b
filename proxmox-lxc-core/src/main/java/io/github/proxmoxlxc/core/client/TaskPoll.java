package io.github.proxmoxlxc.core.client;

import java.time.Instant;

/**
 * One status poll made while waiting for a task, reported to a {@link TaskWait#pollListener()}.
 *
 * @param upid the task
 * @param number the poll number, starting at 1
 * @param at when the poll's answer arrived (client clock)
 * @param state {@code running}, {@code stopped} or {@code not-visible} (a fresh task not listed yet)
 */
public record TaskPoll(Upid upid, int number, Instant at, String state) {
}
