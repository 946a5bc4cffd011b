package io.github.proxmoxlxc.core.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code GET /cluster/ha/status/current}: the quorum, the CRM master, fencing, each
 * node's LRM, or a service ({@code ct:<vmid>}).
 */
public final class HaStatusEntry {
    private final String id;
    private final String type;
    private final String node;
    private final String status;
    private final String sid;
    private final String state;
    private final String requestState;

    HaStatusEntry(String id, String type, String node, String status, String sid, String state, String requestState) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.node = node;
        this.status = status == null ? "" : status;
        this.sid = sid;
        this.state = state == null || state.isEmpty() ? null : state;
        this.requestState = requestState == null || requestState.isEmpty() ? null : requestState;
    }

    /**
     * The entry id: {@code quorum}, {@code master}, {@code fencing}, {@code lrm:<node>}, {@code service:<sid>}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The kind: {@code quorum}, {@code master}, {@code fencing}, {@code lrm} or {@code service}.
     *
     * @return the type
     */
    public String type() {
        return type;
    }

    /**
     * The node the entry is about.
     *
     * @return the node, empty when Proxmox gives none
     */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /**
     * Proxmox's one-line status text, e.g. {@code ct:120 (pve1, started)}.
     *
     * @return the text
     */
    public String status() {
        return status;
    }

    /**
     * For a service: its resource id.
     *
     * @return the sid
     */
    public Optional<String> sid() {
        return Optional.ofNullable(sid);
    }

    /**
     * For a service: the verbose state ({@link HaServiceState#STARTED}, {@link HaServiceState#FENCE},
     * {@link HaServiceState#ERROR}, ...); {@link HaServiceState#UNKNOWN} for a state this version does not know
     * (see {@link #rawState()}).
     *
     * @return the state, empty for other entries
     */
    public Optional<HaServiceState> state() {
        return Optional.ofNullable(state).map(HaServiceState::of);
    }

    /**
     * For a service: the verbose state as Proxmox sent it ({@code started}, {@code clearing error flag}, or a
     * newer value).
     *
     * @return the text, empty for other entries
     */
    public Optional<String> rawState() {
        return Optional.ofNullable(state);
    }

    /**
     * For a service: the requested state from the resource config; {@link HaRequestState#UNKNOWN} for a state
     * this version does not know (see {@link #rawRequestState()}).
     *
     * @return the requested state, empty for other entries
     */
    public Optional<HaRequestState> requestState() {
        return Optional.ofNullable(requestState).map(HaRequestState::of);
    }

    /**
     * For a service: the requested state as Proxmox sent it.
     *
     * @return the text, empty for other entries
     */
    public Optional<String> rawRequestState() {
        return Optional.ofNullable(requestState);
    }

    @Override
    public String toString() {
        return "HaStatusEntry[" + id + ": " + status + "]";
    }
}
