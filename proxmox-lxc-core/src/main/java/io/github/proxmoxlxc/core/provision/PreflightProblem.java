package io.github.proxmoxlxc.core.provision;

import java.util.Objects;

/**
 * One problem found before any change: what was checked, about what, what is wrong and what to do.
 *
 * @param check the check, e.g. {@code permission}, {@code root@pam}, {@code storage}, {@code reachability}
 * @param subject what it is about, e.g. {@code /storage/local-lvm Datastore.AllocateSpace} or {@code dev0}
 * @param problem what is wrong
 * @param remedy what to do about it
 */
public record PreflightProblem(String check, String subject, String problem, String remedy) {

    /**
     * Checks that no component is null.
     *
     * @param check the check, e.g. {@code permission}, {@code root@pam}, {@code storage}, {@code reachability}
     * @param subject what it is about, e.g. {@code /storage/local-lvm Datastore.AllocateSpace} or {@code dev0}
     * @param problem what is wrong
     * @param remedy what to do about it
     */
    public PreflightProblem {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(remedy, "remedy");
    }

    @Override
    public String toString() {
        return check + " " + subject + ": " + problem + " -> " + remedy;
    }
}
