package io.github.proxmoxlxc.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.internal.client.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 0.2 typing of responses: status enums that survive values Proxmox adds later (raw text kept),
 * tags split as Proxmox splits them, durations, and {@code Optional} for what Proxmox may omit.
 */
class TypedResponseTest {
    private static final Upid UPID = Upid.parse("UPID:pve1:000934AF:0D015579:68BF3A41:vzstart:120:root@pam:");

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    @Test
    void containerStatus_knownValues_mapToTheEnum() throws Exception {
        ContainerStatus running = Wire.containerStatus(json("{\"vmid\":1,\"status\":\"running\",\"uptime\":\"3600\"}"));
        ContainerStatus stopped = Wire.containerStatus(json("{\"vmid\":1,\"status\":\"stopped\"}"));

        assertThat(running.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(running.running()).isTrue();
        assertThat(running.uptime()).isEqualTo(Duration.ofHours(1));
        assertThat(stopped.state()).isEqualTo(ContainerState.STOPPED);
        assertThat(stopped.uptime()).isEqualTo(Duration.ZERO);
    }

    @Test
    void containerStatus_aValueProxmoxAddsLater_isUnknownWithTheRawTextKept() throws Exception {
        ContainerStatus s = Wire.containerStatus(json("{\"vmid\":1,\"status\":\"hibernated\"}"));

        assertThat(s.state()).isEqualTo(ContainerState.UNKNOWN);
        assertThat(s.rawStatus()).isEqualTo("hibernated");
        assertThat(s.running()).isFalse();
    }

    @Test
    void containerStatus_missingFields_areEmptyNotNull() throws Exception {
        ContainerStatus s = Wire.containerStatus(json("{\"vmid\":1,\"lock\":\"\"}"));

        assertThat(s.state()).isEqualTo(ContainerState.UNKNOWN);
        assertThat(s.rawStatus()).isEmpty();
        assertThat(s.name()).isEmpty();
        assertThat(s.lock()).isEmpty();
        assertThat(s.pid()).isEmpty();
        assertThat(s.haState()).isEmpty();
    }

    @Test
    void nodeInfo_statusIsAnEnum_unknownAndNewerValuesKeptRaw() throws Exception {
        NodeInfo online = Wire.node(json("{\"node\":\"pve1\",\"status\":\"online\"}"));
        NodeInfo offline = Wire.node(json("{\"node\":\"pve2\",\"status\":\"offline\"}"));
        NodeInfo unknown = Wire.node(json("{\"node\":\"pve3\",\"status\":\"unknown\"}"));
        NodeInfo newer = Wire.node(json("{\"node\":\"pve4\",\"status\":\"maintenance\"}"));

        assertThat(online.state()).isEqualTo(NodeState.ONLINE);
        assertThat(online.online()).isTrue();
        assertThat(offline.state()).isEqualTo(NodeState.OFFLINE);
        assertThat(offline.online()).isFalse();
        assertThat(unknown.state()).isEqualTo(NodeState.UNKNOWN);
        assertThat(unknown.rawStatus()).isEqualTo("unknown");
        assertThat(newer.state()).isEqualTo(NodeState.UNKNOWN);
        assertThat(newer.rawStatus()).isEqualTo("maintenance");
        assertThat(newer.online()).isFalse();
        assertThat(NodeState.of("ONLINE")).isEqualTo(NodeState.ONLINE);
        assertThat(NodeState.OFFLINE.wireName()).isEqualTo("offline");
    }

    @Test
    void tags_areSplitOnEverySeparatorProxmoxAccepts() throws Exception {
        ContainerSummary c = Wire.container(json("{\"vmid\":1,\"status\":\"running\",\"tags\":\"web;prod,eu  blue\"}"));
        ContainerSummary none = Wire.container(json("{\"vmid\":2,\"status\":\"stopped\",\"tags\":\"\"}"));

        assertThat(c.tags()).containsExactly("web", "prod", "eu", "blue");
        assertThat(none.tags()).isEmpty();
        assertThat(Wire.tags(" ;a; ")).containsExactly("a");
    }

    @Test
    void clusterResource_stateOnlyForGuests_rawStatusForEveryType() throws Exception {
        ClusterResource guest = Wire.resource(json("{\"id\":\"lxc/100\",\"type\":\"lxc\",\"vmid\":100,"
                + "\"node\":\"pve1\",\"status\":\"running\",\"uptime\":60,\"tags\":\"a;b\"}"));
        ClusterResource node = Wire.resource(json("{\"id\":\"node/pve1\",\"type\":\"node\",\"node\":\"pve1\","
                + "\"status\":\"online\"}"));
        ClusterResource pool = Wire.resource(json("{\"id\":\"/pool/x\",\"type\":\"pool\",\"pool\":\"x\"}"));

        assertThat(guest.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(guest.vmid()).hasValue(100);
        assertThat(guest.uptime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(guest.tags()).containsExactly("a", "b");
        assertThat(node.state()).isEqualTo(ContainerState.UNKNOWN);
        assertThat(node.rawStatus()).contains("online");
        assertThat(node.vmid()).isEmpty();
        assertThat(pool.node()).isEmpty();
        assertThat(pool.rawStatus()).isEmpty();
        assertThat(pool.pool()).contains("x");
        assertThat(pool.content()).isEmpty();
    }

    @Test
    void storageVolume_ctime_isAnInstant() throws Exception {
        StorageVolume v = Wire.volume(json("{\"volid\":\"local:backup/x.tar.zst\",\"ctime\":1700000000,"
                + "\"vmid\":\"120\",\"notes\":\"\"}"));

        assertThat(v.createdAt()).isEqualTo(Instant.ofEpochSecond(1700000000L));
        assertThat(v.vmid()).hasValue(120);
        assertThat(v.notes()).isEmpty();
    }

    @Test
    void taskStatus_exitStatusOnlyOnceStopped_unknownStatusKeptRaw() throws Exception {
        TaskStatus running = Wire.taskStatus(UPID, json("{\"status\":\"running\",\"exitstatus\":\"OK\"}"));
        TaskStatus ok = Wire.taskStatus(UPID, json("{\"status\":\"stopped\",\"exitstatus\":\"WARNINGS: 2\"}"));
        TaskStatus failed = Wire.taskStatus(UPID, json("{\"status\":\"stopped\",\"exitstatus\":\"unable to lock\"}"));
        TaskStatus later = Wire.taskStatus(UPID, json("{\"status\":\"queued\"}"));

        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(running.exitStatus()).isEmpty();
        assertThat(running.succeeded()).isFalse();
        assertThat(ok.state()).isEqualTo(TaskState.STOPPED);
        assertThat(ok.exitStatus()).contains("WARNINGS: 2");
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.warnings()).isEqualTo(2);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.exitStatus()).contains("unable to lock");
        assertThat(later.state()).isEqualTo(TaskState.UNKNOWN);
        assertThat(later.rawStatus()).isEqualTo("queued");
        assertThat(later.running()).isFalse();
        assertThat(later.succeeded()).isFalse();
    }

    @Test
    void taskPoll_notVisible_hasNoState() {
        TaskPoll hidden = new TaskPoll(UPID, 1, Instant.EPOCH, Optional.empty());
        TaskPoll seen = new TaskPoll(UPID, 2, Instant.EPOCH, Optional.of(TaskState.RUNNING));

        assertThat(hidden.visible()).isFalse();
        assertThat(hidden.taskState()).isEmpty();
        assertThat(hidden.toString()).contains("state=not-visible");
        assertThat(seen.visible()).isTrue();
        assertThat(seen.taskState()).contains(TaskState.RUNNING);
    }

    @Test
    void taskWait_unsetListenersAndSchedule_areEmpty() {
        TaskWait w = TaskWait.timeout(Duration.ofSeconds(5));
        TaskWait withSchedule = w.toBuilder().schedule(PollSchedule.defaults())
                .pollListener(p -> { }).build();

        assertThat(w.logListener()).isEmpty();
        assertThat(w.pollListener()).isEmpty();
        assertThat(w.schedule()).isEmpty();
        assertThat(withSchedule.schedule()).isPresent();
        assertThat(withSchedule.pollListener()).isPresent();
    }

    @Test
    void enumWireNames_matchProxmoxText() {
        assertThat(ContainerState.of("RUNNING")).isEqualTo(ContainerState.RUNNING);
        assertThat(ContainerState.RUNNING.wireName()).isEqualTo("running");
        assertThat(TaskState.STOPPED.wireName()).isEqualTo("stopped");
        assertThat(TaskState.UNKNOWN.wireName()).isEmpty();
    }
}
