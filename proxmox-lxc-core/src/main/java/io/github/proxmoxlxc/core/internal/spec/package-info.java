/**
 * Internals of the spec package: property-string parsing and printing, Proxmox's named formats,
 * per-value codecs, whole-spec validation, rendering, privilege rules and comparison. Not exported.
 */
package io.github.proxmoxlxc.core.internal.spec;
