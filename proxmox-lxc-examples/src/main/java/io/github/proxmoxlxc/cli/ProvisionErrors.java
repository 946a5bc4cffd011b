package io.github.proxmoxlxc.cli;

/** Classifies provisioning failures (rolled back, needs attention); null for anything else. */
final class ProvisionErrors {
    private ProvisionErrors() {
    }

    static Errors.Classified classify(Throwable t) {
        return null;
    }
}
