package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out VMID candidates: from {@code /cluster/nextid}, or from the configured private range
 * (skipping ids the cluster already uses). Candidates handed to concurrent requests of this
 * provisioner never collide; a candidate another client took meanwhile is reported back with
 * {@link #taken(int)} and the request asks for the next one. Nothing is reserved on the server:
 * the create itself decides.
 *
 * <p>{@code /cluster/nextid} is read once per look-up cache lifetime
 * ({@link ProvisionOptions#lookupCacheTtl()}), not once per container: it is only the lowest
 * candidate, and the ones above it come from counting past what this provisioner has reserved or
 * seen taken. A candidate someone else used meanwhile costs one refused create and moves on.
 */
final class VmidAllocator {
    private final Lookups lookups;
    private final ProvisionOptions options;
    private final Set<Integer> reserved = new HashSet<>();
    private final Set<Integer> taken = new HashSet<>();
    private int cursor;

    VmidAllocator(Lookups lookups, ProvisionOptions options) {
        this.lookups = lookups;
        this.options = options;
        this.cursor = options.vmidFirst().orElse(100);
    }

    /** The next candidate, reserved for the caller until {@link #release(int)}. */
    int next() {
        if (options.vmidFirst().isPresent()) {
            return nextInRange(options.vmidFirst().get(), options.vmidLast().get());
        }
        int n = lookups.cache().get("nextid", this::nextId);
        synchronized (this) {
            int c = n;
            while (reserved.contains(c) || taken.contains(c)) {
                c++;
            }
            reserved.add(c);
            return c;
        }
    }

    /** {@code /cluster/nextid}: a read, retried by the client's policy only. */
    private int nextId() {
        return lookups.client().cluster().nextId();
    }

    private int nextInRange(int first, int last) {
        Set<Integer> used = lookups.usedVmids();
        synchronized (this) {
            long size = (long) last - first + 1;
            for (long i = 0; i < size; i++) {
                int c = cursor;
                cursor = cursor >= last ? first : cursor + 1;
                if (!reserved.contains(c) && !taken.contains(c) && !used.contains(c)) {
                    reserved.add(c);
                    return c;
                }
            }
        }
        throw new ProxmoxException("no free VMID left in the range " + first + ".." + last
                + " (all used or in flight); widen ProvisionOptions.vmidRange");
    }

    /** Marks a candidate as used by someone else; it is not handed out again by this provisioner. */
    synchronized void taken(int vmid) {
        reserved.remove(vmid);
        taken.add(vmid);
    }

    /** Gives a candidate back (the request is done with it: created, or failed and rolled back). */
    synchronized void release(int vmid) {
        reserved.remove(vmid);
    }

    /** Reserves an explicit VMID so no candidate collides with it; false if already reserved here. */
    synchronized boolean reserve(int vmid) {
        return reserved.add(vmid);
    }
}
