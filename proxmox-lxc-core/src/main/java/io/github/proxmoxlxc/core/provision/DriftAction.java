package io.github.proxmoxlxc.core.provision;

/** What {@code ensure()} did about one difference between a spec and an existing container. */
public enum DriftAction {
    /** Written and in effect now (a stopped container, or an option a running container takes live). */
    APPLIED,
    /** Written to the pending section: takes effect when the running container is next stopped or started. */
    PENDING,
    /** A disk grown by a resize to the spec's size. */
    RESIZED,
    /** Not applied: it needs the container to be re-created (unprivileged, template, another storage, a smaller disk). */
    NEEDS_RECREATE,
    /** Not applied: removing it would detach data, or it cannot be changed through the API; change it by hand. */
    NOT_APPLIED,
    /** Not applied: the configuration changed while {@code ensure()} ran (digest mismatch); run it again. */
    CONFLICT
}
