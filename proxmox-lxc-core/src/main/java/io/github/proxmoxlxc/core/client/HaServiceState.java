package io.github.proxmoxlxc.core.client;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verbose state of an HA service, as {@code GET /cluster/ha/status/current} reports it in
 * {@code state} ({@link HaStatusEntry#state()}). The values come from pve-ha-manager: the CRM's service
 * states ({@code PVE::HA::Manager}), the feedback {@code PVE::HA::Tools::get_verbose_service_state}
 * derives from them and the requested state ({@code starting}, {@code stopping}, {@code queued}, ...),
 * and {@code ignore}, which {@code API2/HA/Status.pm} shows while HA is disarmed with resource mode
 * {@code ignore}.
 *
 * <p>A value this version does not know (one Proxmox adds later) is {@link #UNKNOWN}; the text as sent
 * stays available from {@link HaStatusEntry#rawState()}.
 */
public enum HaServiceState {
    /** {@code started}: running on its node. */
    STARTED("started"),
    /** {@code stopped}: stopped, as requested. */
    STOPPED("stopped"),
    /** {@code starting}: requested {@code started}, not running yet. */
    STARTING("starting"),
    /** {@code stopping}: requested {@code stopped} or {@code disabled}, still running. */
    STOPPING("stopping"),
    /** {@code request_start}: the CRM asked the node's LRM to start it. */
    REQUEST_START("request_start"),
    /** {@code request_start_balance}: moved to a less loaded node before it starts (rebalance on start). */
    REQUEST_START_BALANCE("request_start_balance"),
    /** {@code request_stop}: the CRM asked the node's LRM to stop it. */
    REQUEST_STOP("request_stop"),
    /** {@code migrate}: being live-migrated to another node. */
    MIGRATE("migrate"),
    /** {@code relocate}: being moved to another node (stop, move, start). */
    RELOCATE("relocate"),
    /** {@code fence}: its node failed and is waiting to be fenced. */
    FENCE("fence"),
    /** {@code recovery}: its node was fenced; the CRM is looking for a node to recover it on. */
    RECOVERY("recovery"),
    /**
     * {@code freeze}: its node reboots, its LRM restarts, or HA is disarmed with resource mode {@code freeze};
     * the CRM does not touch it.
     */
    FREEZE("freeze"),
    /** {@code error}: disabled because of LRM errors; request {@code disabled} to clear the flag. */
    ERROR("error"),
    /** {@code clearing error flag}: in {@code error}, requested {@code disabled}. */
    CLEARING_ERROR_FLAG("clearing error flag"),
    /** {@code queued}: configured, not yet processed by the CRM. */
    QUEUED("queued"),
    /** {@code disabled}: stopped and requested {@code disabled}. */
    DISABLED("disabled"),
    /** {@code ignored}: requested {@code ignored}; the CRM leaves it alone. */
    IGNORED("ignored"),
    /** {@code ignore}: HA is disarmed with resource mode {@code ignore}; the CRM leaves it alone until re-armed. */
    IGNORE("ignore"),
    /** {@code deleting}: removed from the configuration, still in the CRM's status. */
    DELETING("deleting"),
    /** {@code not found}: configured, but its guest is in no node's list. */
    NOT_FOUND("not found"),
    /** A state this version does not know. */
    UNKNOWN("");

    private static final Map<String, HaServiceState> BY_WIRE_NAME = Stream.of(values()).filter(s -> s != UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(HaServiceState::wireName, Function.identity()));

    private final String wireName;

    HaServiceState(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The text Proxmox sends for this state.
     *
     * @return e.g. {@code started}, {@code request_stop}, {@code clearing error flag}; empty for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /** Maps a state as sent; anything unknown (or empty) is {@link #UNKNOWN}. */
    static HaServiceState of(String state) {
        return BY_WIRE_NAME.getOrDefault(state.toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
