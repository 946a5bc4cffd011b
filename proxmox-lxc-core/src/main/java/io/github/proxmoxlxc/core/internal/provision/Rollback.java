package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerStatus;
import io.github.proxmoxlxc.core.client.DestroyOptions;
import io.github.proxmoxlxc.core.client.NotFoundException;
import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import io.github.proxmoxlxc.core.client.TaskWait;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import java.util.Optional;

/**
 * Undoes a failed run: waits for a create still in progress, stops the container if it runs,
 * destroys it with purge and waits until it is gone. Each round re-reads the status, so lost
 * responses and held locks only cost another round, until the rollback deadline.
 */
final class Rollback {
    private final ProxmoxClient client;
    private final ProvisionOptions options;
    private final PollSchedule polling;
    private final RunContext ctx;
    private final String node;
    private final int vmid;
    private final DescriptionMarker marker;
    /** The run saw its own create task succeed for this VMID: an unreadable config is then still ours. */
    private final boolean createConfirmed;
    /** Set once the config showed this run's marker; until then nothing is destroyed. */
    private boolean owned;

    Rollback(ProxmoxClient client, ProvisionOptions options, PollSchedule polling, RunContext ctx, String node,
             int vmid, DescriptionMarker marker, boolean createConfirmed) {
        this.client = client;
        this.options = options;
        this.polling = polling;
        this.ctx = ctx;
        this.node = node;
        this.vmid = vmid;
        this.marker = marker;
        this.createConfirmed = createConfirmed;
    }

    /**
     * Runs the rollback.
     *
     * @return true when a container was destroyed, false when none existed
     */
    boolean run() {
        ctx.start(ProvisionStep.ROLLBACK);
        long deadline = System.nanoTime() + options.rollbackTimeout().toNanos();
        Container ct = client.node(node).container(vmid);
        boolean acted = false;
        RuntimeException last = null;
        int round = 0;
        int statusFailures = 0;
        while (System.nanoTime() < deadline) {
            round++;
            ContainerStatus st;
            try {
                st = ct.status();
                statusFailures = 0;
            } catch (NotFoundException e) {
                ctx.finish(acted ? "container " + vmid + " destroyed" : "container " + vmid + " does not exist");
                return acted;
            } catch (RuntimeException e) {
                last = e;
                if (++statusFailures >= 3 && ownedQuietly(ct)) {
                    // the status cannot be read: destroy without it (force stops a running container first)
                    acted |= blindDestroy(ct);
                    if (gone(ct)) {
                        ctx.finish("container " + vmid + " destroyed");
                        return acted;
                    }
                }
                pause(round);
                continue;
            }
            try {
                if (!owned && !st.lock().equals(Optional.of("create"))) {
                    Owner o = checkOwner(ct);
                    if (o == Owner.OTHER) {
                        // never destroy a container this run did not create: the marker decides, not the hostname
                        ctx.finish("container " + vmid + " does not carry this run's marker: left alone");
                        return false;
                    }
                    if (o == Owner.UNKNOWN) {
                        pause(round);
                        continue;
                    }
                }
                if (st.lock().isPresent()) {
                    // a create still running, a destroy in progress, or someone else's job: wait for it
                    ctx.progress("waiting for lock '" + st.lock().get() + "' on " + vmid, null);
                    Backoff.sleep(polling.initialInterval());
                    continue;
                }
                if (st.running()) {
                    ctx.progress("stopping " + vmid, null);
                    await(ct.stop(), "vzstop");
                    acted = true;
                    continue;
                }
                ctx.progress("destroying " + vmid + " (purge)", null);
                acted = true;
                await(ct.destroy(DestroyOptions.purgeAll()), "vzdestroy");
            } catch (NotFoundException e) {
                ctx.finish(acted ? "container " + vmid + " destroyed" : "container " + vmid + " does not exist");
                return acted;
            } catch (RuntimeException e) {
                last = e;
                String m = ProvisionRun.message(e);
                if (!m.contains("not running")) {
                    ctx.progress("rollback step failed (" + Faults.describe(e) + "), checking again", null);
                    pause(round);
                }
            }
        }
        ctx.failed("container " + vmid + " still exists after " + options.rollbackTimeout());
        throw new ProxmoxTimeoutException("rollback of container " + vmid + " on " + node + " did not finish within "
                + options.rollbackTimeout() + (last == null ? "" : " (last error: " + last.getMessage() + ")"), last);
    }

    /** Whether the marker was seen, reading the config if needed; a missing container is not ours. */
    private boolean ownedQuietly(Container ct) {
        try {
            return owned || checkOwner(ct) == Owner.OURS;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Whose container it is, as far as its config tells. */
    private enum Owner { OURS, OTHER, UNKNOWN }

    /** Reads the config once: the marker makes it ours; a config without it is someone else's. */
    private Owner checkOwner(Container ct) {
        try {
            owned = marker.foundIn(ct.config());
            return owned ? Owner.OURS : Owner.OTHER;
        } catch (NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            // a config that cannot be read proves nothing either way; the run's own successful create does
            owned = createConfirmed;
            return createConfirmed ? Owner.OURS : Owner.UNKNOWN;
        }
    }

    private boolean blindDestroy(Container ct) {
        try {
            ctx.progress("status unreadable; destroying " + vmid + " with force and purge", null);
            await(ct.destroy(DestroyOptions.purgeAll().toBuilder().force(true).build()), "vzdestroy");
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            ctx.progress("forced destroy failed (" + Faults.describe(e) + ")", null);
            return false;
        }
    }

    /** Whether the container is gone, asked through its config (another endpoint than the status). */
    private boolean gone(Container ct) {
        try {
            ct.config();
            return false;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void await(Upid upid, String type) {
        client.tasks().await(upid, TaskWait.builder().timeout(options.rollbackTimeout()).schedule(polling).build());
    }

    private void pause(int round) {
        Backoff.pause(client.retryPolicy(), Math.min(round, 10));
    }
}
