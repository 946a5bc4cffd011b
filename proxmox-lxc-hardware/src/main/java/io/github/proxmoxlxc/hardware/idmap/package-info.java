/**
 * User-namespace id maps ({@code lxc.idmap}) that punch host ids through into a container, and
 * the {@code /etc/subuid} / {@code /etc/subgid} delegations they need; entry point
 * {@link io.github.proxmoxlxc.hardware.idmap.IdMap}.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.hardware.idmap;

import org.jspecify.annotations.NullMarked;
