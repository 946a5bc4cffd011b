/** The immutable container spec, its typed property-string values, validation and rendering. */
package io.github.proxmoxlxc.core.spec;
