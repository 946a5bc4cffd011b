/**
 * The Proxmox VE API client: {@link io.github.proxmoxlxc.core.client.ProxmoxClient} with its
 * resources (nodes, containers, storages, appliances, cluster, access, tasks), result records,
 * task waiting, TLS trust, retry policy and the API/transport exception types.
 */
package io.github.proxmoxlxc.core.client;
