/** MINA SSHD glue for the node channel; not public API. */
package io.github.proxmoxlxc.node.internal;
