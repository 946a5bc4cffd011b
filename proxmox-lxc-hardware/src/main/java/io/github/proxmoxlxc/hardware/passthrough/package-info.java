/**
 * Turns detected GPUs (and opt-in serial, TUN and Coral devices) into what a container needs:
 * {@code devN} entries or raw {@code lxc.*} lines with id maps; entry point
 * {@link io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner}.
 */
package io.github.proxmoxlxc.hardware.passthrough;
