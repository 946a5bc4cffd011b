/**
 * The {@code proxmox-lxc} command line (picocli): {@link io.github.proxmoxlxc.cli.Main}. Commands
 * are package-private; {@link io.github.proxmoxlxc.cli.CliContext} lets tests run it in-process.
 */
package io.github.proxmoxlxc.cli;
