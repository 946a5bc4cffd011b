/**
 * The Proxmox VE API simulator: {@link io.github.proxmoxlxc.testkit.PveSimulator} and the values
 * used to configure, inspect and fault it.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.testkit;

import org.jspecify.annotations.NullMarked;
