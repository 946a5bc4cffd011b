package io.github.proxmoxlxc.core.provision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a {@link ProvisionPlan}: an API call with its exact parameters (a password shown as
 * {@code ***}), or a node-side action ({@code method} {@code NODE}), the privileges it needs and
 * the equivalent {@code pct}/{@code pvesh}/{@code pveam} command.
 *
 * @param step the provisioning step
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}, or {@code NODE} for a node-side edit
 * @param path the API path ({@code {node}}/{@code {vmid}} when not known yet), or the file edited
 * @param params the parameters in send order
 * @param privileges what the call needs
 * @param command the equivalent shell command on the node, or empty
 * @param note when or why it happens, e.g. {@code only if the template is not stored yet}; may be empty
 */
public record PlannedCall(ProvisionStep step, String method, String path, Map<String, String> params,
                          List<RequiredPrivilege> privileges, String command, String note) {

    /**
     * Copies the collections.
     *
     * @param step the provisioning step
     * @param method {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}, or {@code NODE} for a node-side edit
     * @param path the API path ({@code {node}}/{@code {vmid}} when not known yet), or the file edited
     * @param params the parameters in send order
     * @param privileges what the call needs
     * @param command the equivalent shell command on the node, or empty
     * @param note when or why it happens, e.g. {@code only if the template is not stored yet}; may be empty
     */
    public PlannedCall {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(note, "note");
    }

    /**
     * Whether the call changes something (anything but a GET).
     *
     * @return true for POST, PUT, DELETE and node-side edits
     */
    public boolean changes() {
        return !method.equals("GET");
    }

    /**
     * The call as {@code METHOD path}.
     *
     * @return e.g. {@code POST /nodes/pve1/lxc}
     */
    public String key() {
        return method + " " + path;
    }
}
