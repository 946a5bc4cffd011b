package io.github.proxmoxlxc.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.internal.client.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The HA and snapshot states as enums (0.2): every value Proxmox's sources produce maps to its
 * constant, a value a newer Proxmox adds is {@code UNKNOWN} with the text kept, and the builder refuses
 * what cannot be sent.
 */
class HaAndSnapshotStatesTest {
    /**
     * Every verbose service state pve-ha-manager produces, written out from its sources (not from the
     * enum): {@code Manager.pm} {@code $valid_service_states}, {@code Tools.pm get_verbose_service_state},
     * {@code API2/HA/Status.pm} (disarmed, resource mode ignore).
     */
    private static final Map<String, HaServiceState> SERVICE_STATES = new LinkedHashMap<>();

    static {
        SERVICE_STATES.put("stopped", HaServiceState.STOPPED);
        SERVICE_STATES.put("request_stop", HaServiceState.REQUEST_STOP);
        SERVICE_STATES.put("request_start", HaServiceState.REQUEST_START);
        SERVICE_STATES.put("request_start_balance", HaServiceState.REQUEST_START_BALANCE);
        SERVICE_STATES.put("started", HaServiceState.STARTED);
        SERVICE_STATES.put("fence", HaServiceState.FENCE);
        SERVICE_STATES.put("recovery", HaServiceState.RECOVERY);
        SERVICE_STATES.put("migrate", HaServiceState.MIGRATE);
        SERVICE_STATES.put("relocate", HaServiceState.RELOCATE);
        SERVICE_STATES.put("freeze", HaServiceState.FREEZE);
        SERVICE_STATES.put("error", HaServiceState.ERROR);
        SERVICE_STATES.put("deleting", HaServiceState.DELETING);
        SERVICE_STATES.put("ignored", HaServiceState.IGNORED);
        SERVICE_STATES.put("not found", HaServiceState.NOT_FOUND);
        SERVICE_STATES.put("queued", HaServiceState.QUEUED);
        SERVICE_STATES.put("starting", HaServiceState.STARTING);
        SERVICE_STATES.put("disabled", HaServiceState.DISABLED);
        SERVICE_STATES.put("stopping", HaServiceState.STOPPING);
        SERVICE_STATES.put("clearing error flag", HaServiceState.CLEARING_ERROR_FLAG);
        SERVICE_STATES.put("ignore", HaServiceState.IGNORE);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    private static HaStatusEntry service(String state, String requestState) throws Exception {
        return Wire.haStatus(json("{\"id\":\"service:ct:120\",\"type\":\"service\",\"sid\":\"ct:120\",\"node\":"
                + "\"pve1\",\"status\":\"ct:120 (pve1, " + state + ")\",\"state\":\"" + state + "\","
                + "\"request_state\":\"" + requestState + "\"}"));
    }

    /** The {@code state} enum of {@code POST /cluster/ha/resources} in the official schema. */
    private static List<String> schemaRequestStates() throws Exception {
        JsonNode schema;
        try (InputStream in = HaAndSnapshotStatesTest.class
                .getResourceAsStream("/io/github/proxmoxlxc/testkit/schema-subset.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> out = new ArrayList<>();
        schema.path("POST /cluster/ha/resources").path("parameters").path("properties").path("state").path("enum")
                .forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void haRequestState_everySchemaValueIsKnown_enabledIsStarted_andEveryConstantIsInTheSchema() throws Exception {
        List<String> schema = schemaRequestStates();
        assertThat(schema).containsExactlyInAnyOrder("started", "stopped", "enabled", "disabled", "ignored");

        for (String v : schema) {
            HaResource r = Wire.haResource(json("{\"sid\":\"ct:120\",\"type\":\"ct\",\"state\":\"" + v + "\"}"));
            assertThat(r.state()).as(v).isPresent().get().isNotEqualTo(HaRequestState.UNKNOWN);
            assertThat(r.rawState()).as(v).contains(v);
            HaStatusEntry e = service("started", v);
            assertThat(e.requestState()).as(v).isEqualTo(r.state());
            assertThat(e.rawRequestState()).as(v).contains(v);
        }
        assertThat(HaRequestState.of("enabled")).isEqualTo(HaRequestState.STARTED);
        for (HaRequestState s : EnumSet.complementOf(EnumSet.of(HaRequestState.UNKNOWN))) {
            assertThat(schema).contains(s.wireName());
            assertThat(HaRequestState.of(s.wireName())).isEqualTo(s);
        }
    }

    @Test
    void haResource_readWithAStateProxmoxAddsLater_isUnknown_andSendsTheRawTextBack() throws Exception {
        HaResource r = Wire.haResource(json("{\"sid\":\"ct:120\",\"type\":\"ct\",\"state\":\"paused\","
                + "\"max_restart\":\"2\"}"));

        assertThat(r.state()).contains(HaRequestState.UNKNOWN);
        assertThat(r.rawState()).contains("paused");
        assertThat(r.maxRestart()).hasValue(2);
        assertThat(r.params()).containsEntry("state", "paused");
        assertThat(r.toString()).contains("state=paused");
    }

    @Test
    void haResource_readAsEnabled_isStarted_sendsStarted_andEqualsABuiltStartedResource() throws Exception {
        HaResource read = Wire.haResource(json("{\"sid\":\"ct:120\",\"type\":\"ct\",\"state\":\"enabled\"}"));
        HaResource built = HaResource.builder(120).state(HaRequestState.STARTED).build();

        assertThat(read.state()).contains(HaRequestState.STARTED);
        assertThat(read.rawState()).contains("enabled");
        assertThat(read.params()).containsEntry("state", "started");
        assertThat(read).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(built.rawState()).contains("started");
    }

    @Test
    void haResource_withoutState_hasNone_andSendsNone() throws Exception {
        HaResource r = Wire.haResource(json("{\"sid\":\"ct:120\",\"type\":\"ct\",\"state\":\"\"}"));

        assertThat(r.state()).isEmpty();
        assertThat(r.rawState()).isEmpty();
        assertThat(r.params()).doesNotContainKey("state");
        assertThat(HaResource.builder(120).build().params()).isEmpty();
    }

    @Test
    void haResourceBuilder_sendsTheWireName_ofEveryRequestableState() {
        for (HaRequestState s : EnumSet.complementOf(EnumSet.of(HaRequestState.UNKNOWN))) {
            HaResource r = HaResource.builder(120).state(s).build();
            assertThat(r.params()).containsEntry("state", s.wireName());
            assertThat(r.state()).contains(s);
        }
        assertThat(HaResource.builder(120).state(HaRequestState.DISABLED).build().params())
                .containsEntry("state", "disabled");
    }

    @Test
    void haResourceBuilder_refusesUnknown_namingFieldValueAndTheAllowedStates() {
        assertThatThrownBy(() -> HaResource.builder(120).state(HaRequestState.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state: UNKNOWN cannot be requested")
                .hasMessageContaining("must be one of STARTED, STOPPED, DISABLED, IGNORED");
        assertThatThrownBy(() -> HaResource.builder(120).state(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("state");
    }

    @Test
    void haStatus_everyVerboseStateFromProxmoxsSources_mapsToItsConstant() throws Exception {
        for (Map.Entry<String, HaServiceState> e : SERVICE_STATES.entrySet()) {
            HaStatusEntry entry = service(e.getKey(), "started");
            assertThat(entry.state()).as(e.getKey()).contains(e.getValue());
            assertThat(entry.rawState()).as(e.getKey()).contains(e.getKey());
            assertThat(e.getValue().wireName()).isEqualTo(e.getKey());
        }
        Set<HaServiceState> covered = EnumSet.copyOf(SERVICE_STATES.values());
        covered.add(HaServiceState.UNKNOWN);
        assertThat(covered).isEqualTo(EnumSet.allOf(HaServiceState.class));
        assertThat(HaServiceState.of("STARTED")).isEqualTo(HaServiceState.STARTED);
    }

    @Test
    void haStatus_aStateProxmoxAddsLater_isUnknownWithTheRawTextKept() throws Exception {
        HaStatusEntry e = service("hibernating", "suspended");

        assertThat(e.state()).contains(HaServiceState.UNKNOWN);
        assertThat(e.rawState()).contains("hibernating");
        assertThat(e.requestState()).contains(HaRequestState.UNKNOWN);
        assertThat(e.rawRequestState()).contains("suspended");
        assertThat(HaServiceState.of("")).isEqualTo(HaServiceState.UNKNOWN);
    }

    @Test
    void haStatus_entriesOtherThanServices_haveNoStates() throws Exception {
        HaStatusEntry lrm = Wire.haStatus(json("{\"id\":\"lrm:pve1\",\"type\":\"lrm\",\"node\":\"pve1\","
                + "\"status\":\"pve1 (idle, watchdog standby, Mon Dec  7 16:00:00 2026)\",\"timestamp\":1}"));

        assertThat(lrm.state()).isEmpty();
        assertThat(lrm.rawState()).isEmpty();
        assertThat(lrm.requestState()).isEmpty();
        assertThat(lrm.rawRequestState()).isEmpty();
        assertThat(lrm.node()).contains("pve1");
        assertThat(lrm.type()).isEqualTo("lrm");
    }

    @Test
    void snapshot_everySnapstateProxmoxWrites_mapsToItsConstant() throws Exception {
        // pve-container's PVE::LXC::Config parses "snapstate:\s*(prepare|delete)"
        Map<String, SnapshotState> known = Map.of("prepare", SnapshotState.PREPARE, "delete", SnapshotState.DELETE);
        for (Map.Entry<String, SnapshotState> e : known.entrySet()) {
            Snapshot s = Wire.snapshot(json("{\"name\":\"s1\",\"snaptime\":1700000000,\"snapstate\":\""
                    + e.getKey() + "\"}"));
            assertThat(s.state()).as(e.getKey()).contains(e.getValue());
            assertThat(s.rawState()).as(e.getKey()).contains(e.getKey());
            assertThat(e.getValue().wireName()).isEqualTo(e.getKey());
        }
        assertThat(EnumSet.complementOf(EnumSet.of(SnapshotState.UNKNOWN))).containsExactlyInAnyOrderElementsOf(
                known.values());
    }

    @Test
    void snapshot_aStateProxmoxAddsLater_isUnknownWithTheRawTextKept_andACompleteOneHasNone() throws Exception {
        Snapshot later = Wire.snapshot(json("{\"name\":\"s1\",\"snaptime\":1700000000,\"snapstate\":\"merge\"}"));
        Snapshot complete = Wire.snapshot(json("{\"name\":\"s2\",\"snaptime\":1700000001,\"parent\":\"s1\"}"));
        Snapshot empty = Wire.snapshot(json("{\"name\":\"s3\",\"snaptime\":1700000002,\"snapstate\":\"\"}"));

        assertThat(later.state()).contains(SnapshotState.UNKNOWN);
        assertThat(later.rawState()).contains("merge");
        assertThat(later.toString()).contains("merge");
        assertThat(complete.state()).isEmpty();
        assertThat(complete.rawState()).isEmpty();
        assertThat(complete.parent()).contains("s1");
        assertThat(empty.state()).isEqualTo(Optional.empty());
    }
}
