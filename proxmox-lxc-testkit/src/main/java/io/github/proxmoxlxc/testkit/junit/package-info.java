/**
 * JUnit 5 support for the simulator: {@link io.github.proxmoxlxc.testkit.junit.PveSimulatorExtension}
 * starts a {@link io.github.proxmoxlxc.testkit.PveSimulator} per test class and injects it.
 * Needs JUnit Jupiter on the test class path (an optional dependency of the testkit).
 */
@NullMarked
package io.github.proxmoxlxc.testkit.junit;

import org.jspecify.annotations.NullMarked;
