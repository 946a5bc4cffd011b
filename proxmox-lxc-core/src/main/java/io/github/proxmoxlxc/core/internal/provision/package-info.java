/** Internals of the provisioner: resolving, running, rolling back, bulk scheduling, plan rendering. */
package io.github.proxmoxlxc.core.internal.provision;
