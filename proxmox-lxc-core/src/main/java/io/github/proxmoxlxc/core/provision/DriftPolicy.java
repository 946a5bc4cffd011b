package io.github.proxmoxlxc.core.provision;

/** What {@link Provisioner#ensure(ProvisionRequest, DriftPolicy)} does when an existing container differs from its spec. */
public enum DriftPolicy {
    /**
     * Apply what can be applied without losing data (live, or pending until the next restart), grow
     * disks, and report what would need a re-create; the default.
     */
    CONVERGE,
    /** Change nothing and throw a {@link SpecMismatchException} listing the differences (the 0.1 behaviour). */
    FAIL
}
