/** Benchmarks (JMH) and measurement harnesses; not published. */
package io.github.proxmoxlxc.bench;
