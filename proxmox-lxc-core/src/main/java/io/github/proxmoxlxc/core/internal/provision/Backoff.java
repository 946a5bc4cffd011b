package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import java.time.Duration;

/**
 * Pauses of the provisioner. Reads are retried by the client alone; the provisioner only re-checks
 * and re-sends non-idempotent calls (create, start, download) and node patches, paced by the
 * client's {@link RetryPolicy} so that there is one place where retries are configured.
 */
final class Backoff {
    private Backoff() {
    }

    /**
     * Pauses before attempt {@code attempt + 1}: the policy's initial backoff times its multiplier
     * per earlier attempt, capped at its maximum backoff.
     */
    static void pause(RetryPolicy policy, int attempt) {
        double ms = policy.initialBackoff().toMillis() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
        long capped = (long) Math.min(ms, policy.maxBackoff().toMillis());
        sleep(Duration.ofMillis(capped));
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
