package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.time.Duration;

/** Pauses between step retries: the retry delay, doubled each time, at most ten times it. */
final class Backoff {
    private Backoff() {
    }

    static void pause(Duration base, int attempt) {
        long ms = base.toMillis();
        long d = Math.min(ms * 10, ms << Math.min(attempt - 1, 10));
        sleep(Duration.ofMillis(d));
    }

    static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxmoxException("interrupted while provisioning", e);
        }
    }
}
