package io.github.proxmoxlxc.core.internal.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.PlannedCall;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.RequiredPrivilege;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a plan as JSON (plain maps and lists, so no Jackson type shows in the API). */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlanJson() {
    }

    /**
     * The JSON text.
     *
     * @param p the plan
     * @return pretty-printed JSON
     */
    public static String write(ProvisionPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", p.label());
        m.put("resolved", p.resolved());
        m.put("node", p.node().orElse(null));
        m.put("vmid", p.vmid().isPresent() ? p.vmid().getAsInt() : null);
        m.put("template", p.template());
        m.put("templateVolume", p.templateVolume().orElse(null));
        m.put("rootfsStorage", p.rootFsStorage().orElse(null));
        m.put("templateStorage", p.templateStorage().orElse(null));
        List<Object> calls = new ArrayList<>();
        for (PlannedCall c : p.calls()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("step", c.step().name());
            cm.put("method", c.method());
            cm.put("path", c.path());
            cm.put("params", c.params());
            cm.put("privileges", privileges(c.privileges()));
            cm.put("command", c.command().isEmpty() ? null : c.command());
            cm.put("note", c.note().isEmpty() ? null : c.note());
            calls.add(cm);
        }
        m.put("calls", calls);
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("keys", p.nodePatch().keys());
        patch.put("rawLines", p.nodePatch().rawLines());
        patch.put("removeRawLines", p.nodePatch().removeRawLines());
        patch.put("subuidLines", p.nodePatch().subuidLines());
        patch.put("subgidLines", p.nodePatch().subgidLines());
        patch.put("notes", p.nodePatch().notes());
        patch.put("lines", p.nodePatchLines());
        m.put("nodePatch", patch);
        m.put("privileges", privileges(p.privileges()));
        m.put("requiresRootAtPam", p.requiresRootAtPam());
        m.put("commands", p.commands());
        m.put("warnings", p.warnings());
        m.put("notes", p.notes());
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new ProxmoxException("cannot write the plan as JSON: " + e.getMessage(), e);
        }
    }

    private static List<Object> privileges(List<RequiredPrivilege> list) {
        List<Object> out = new ArrayList<>();
        for (RequiredPrivilege r : list) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("kind", r.kind().name());
            pm.put("path", r.path());
            pm.put("privilege", r.privilege());
            pm.put("reason", r.reason());
            out.add(pm);
        }
        return out;
    }
}
