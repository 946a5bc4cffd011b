package io.github.proxmoxlxc.core.client;

/**
 * One line of a task log.
 *
 * @param n the line number, starting at 1
 * @param text the line
 */
public record TaskLogLine(int n, String text) {
}
