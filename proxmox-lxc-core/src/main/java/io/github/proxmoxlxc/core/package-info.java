/** The library root: the exception hierarchy's root type. */
package io.github.proxmoxlxc.core;
