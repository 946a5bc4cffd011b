/**
 * The client's internals: OkHttp transport, TLS trust, authentication, the lenient Jackson mapper,
 * error mapping, the Resilience4j retry and per-node concurrency layer, and task waiting.
 * Not exported; nothing here is API.
 */
package io.github.proxmoxlxc.core.internal.client;
