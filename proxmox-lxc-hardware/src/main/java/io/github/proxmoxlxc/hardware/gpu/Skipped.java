package io.github.proxmoxlxc.hardware.gpu;

import java.util.Objects;

/**
 * Something detection saw and left out, with the reason (a VM-reserved GPU, a BMC adapter, an
 * unreadable file).
 *
 * @param subject what was skipped: a PCI address, a node path or a file path
 * @param reason why, in words
 */
public record Skipped(String subject, String reason) {
    /**
     * Checks that no component is null.
     *
     * @param subject what was skipped: a PCI address, a node path or a file path
     * @param reason why, in words
     */
    public Skipped {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return subject + ": " + reason;
    }
}
