/**
 * The Proxmox VE API simulator: {@link io.github.proxmoxlxc.testkit.PveSimulator} and the values
 * used to configure, inspect and fault it.
 */
package io.github.proxmoxlxc.testkit;
