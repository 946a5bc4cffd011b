/**
 * The Proxmox VE API client: {@link io.github.proxmoxlxc.core.client.ProxmoxClient} with its
 * resources (nodes, containers, storages, appliances, cluster, access, tasks), result records,
 * task waiting, TLS trust, retry policy and the API/transport exception types.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.core.client;

import org.jspecify.annotations.NullMarked;
