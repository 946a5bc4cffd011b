/**
 * Turns detected GPUs (and opt-in serial, TUN and Coral devices) into what a container needs:
 * {@code devN} entries or raw {@code lxc.*} lines with id maps; entry point
 * {@link io.github.proxmoxlxc.hardware.passthrough.PassthroughPlanner}.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.hardware.passthrough;

import org.jspecify.annotations.NullMarked;
