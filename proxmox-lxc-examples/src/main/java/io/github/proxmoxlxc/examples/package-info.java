/**
 * Small runnable programs for the library API: {@link io.github.proxmoxlxc.examples.QuickStart},
 * {@link io.github.proxmoxlxc.examples.CreateFromVarsFiles},
 * {@link io.github.proxmoxlxc.examples.GpuPassthroughPlan} and
 * {@link io.github.proxmoxlxc.examples.BulkProvisioning}. Each runs against the in-process
 * simulator (or a host tree), so it needs no cluster.
 */
package io.github.proxmoxlxc.examples;
