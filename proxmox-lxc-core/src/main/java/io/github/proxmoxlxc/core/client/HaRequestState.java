package io.github.proxmoxlxc.core.client;

import java.util.Locale;

/**
 * The state an HA resource is asked to be in: {@code state} in {@code resources.cfg}, sent by
 * {@link Ha#add(HaResource)} and {@link Ha#update(HaResource)}, read back by {@link Ha#resources()} and in
 * {@link HaStatusEntry#requestState()} (pve-ha-manager's {@code PVE::HA::Resources}; Proxmox's default is
 * {@code started}).
 *
 * <p>Proxmox also accepts {@code enabled}, "just an alias for {@code started}" that {@code PVE::HA::Config}
 * rewrites to {@code started} wherever it acts on the value; it is read as {@link #STARTED} here (the text as
 * sent stays available from {@link HaResource#rawState()}). A value this version does not know (one Proxmox
 * adds later) is {@link #UNKNOWN}; it can be read but not requested.
 */
public enum HaRequestState {
    /** {@code started} (or its alias {@code enabled}): the CRM starts the container and recovers it on failure. */
    STARTED("started"),
    /** {@code stopped}: the CRM keeps it stopped, but still relocates it when its node fails. */
    STOPPED("stopped"),
    /** {@code disabled}: the CRM stops it and does not relocate it when its node fails. */
    DISABLED("disabled"),
    /** {@code ignored}: the CRM leaves it alone, as if it were not HA managed. */
    IGNORED("ignored"),
    /** A state this version does not know; never sent by the builder. */
    UNKNOWN("");

    private final String wireName;

    HaRequestState(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The text Proxmox sends and accepts for this state.
     *
     * @return {@code started}, {@code stopped}, {@code disabled}, {@code ignored}, or empty for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /** Maps a state as sent ({@code enabled} is {@link #STARTED}); anything unknown (or empty) is {@link #UNKNOWN}. */
    static HaRequestState of(String state) {
        switch (state.toLowerCase(Locale.ROOT)) {
            case "started":
            case "enabled":
                return STARTED;
            case "stopped":
                return STOPPED;
            case "disabled":
                return DISABLED;
            case "ignored":
                return IGNORED;
            default:
                return UNKNOWN;
        }
    }
}
