package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.proxmoxlxc.core.client.PveServer.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting for tasks: adaptive polling, invisible fresh UPIDs, exit statuses, log streaming, async and cancel. */
class TaskWaitTest {
    @RegisterExtension
    static PveServer pve = new PveServer();

    static final Upid UPID = Upid.parse(PveServer.UPID);
    static final String STATUS = "/api2/json/nodes/pve1/tasks/"
            + "UPID%3Apve1%3A000934AF%3A0D015579%3A68BF3A41%3Avzcreate%3A120%3Aautomation%40pve%21ci%3A/status";
    static final String LOG = STATUS.replace("/status", "/log");

    private ProxmoxClient client;

    @BeforeEach
    void open() {
        client = pve.client();
    }

    @AfterEach
    void close() {
        client.close();
    }

    static ResponseDefinitionBuilder notVisible() {
        return aResponse().withStatus(400).withStatusMessage("Parameter verification failed.")
                .withBody("{\"data\":null,\"errors\":{\"upid\":\"no such task\"}}");
    }

    static ResponseDefinitionBuilder running() {
        return data("{\"status\":\"running\",\"upid\":\"" + PveServer.UPID + "\"}");
    }

    static ResponseDefinitionBuilder stopped(String exit) {
        return data("{\"status\":\"stopped\",\"exitstatus\":\"" + exit + "\",\"upid\":\"" + PveServer.UPID + "\"}");
    }

    /** The status endpoint answers these in order, then repeats the last. */
    static void statuses(ResponseDefinitionBuilder... rs) {
        for (int i = 0; i < rs.length; i++) {
            String state = i == 0 ? STARTED : "s" + i;
            pve.wm.stubFor(get(urlPathEqualTo(STATUS)).inScenario("task").whenScenarioStateIs(state)
                    .willSetStateTo(i == rs.length - 1 ? state : "s" + (i + 1)).willReturn(rs[i]));
        }
    }

    static void log(String lines, int total) {
        pve.wm.stubFor(get(urlPathEqualTo(LOG)).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":" + lines + ",\"total\":" + total + "}")));
    }

    @Test
    void freshInvisibleTask_isToleratedAndPolledUntilStoppedOk() {
        statuses(notVisible(), running(), running(), stopped("OK"));
        List<String> states = new CopyOnWriteArrayList<>();
        TaskResult r = client.tasks().await(UPID, TaskWait.builder().timeout(Duration.ofSeconds(30))
                .pollListener(p -> states.add(p.number() + ":" + p.taskState().map(TaskState::wireName)
                        .orElse("not-visible"))).build());
        assertThat(r.exitStatus()).isEqualTo("OK");
        assertThat(r.warnings()).isZero();
        assertThat(r.polls()).isEqualTo(4);
        assertThat(states).containsExactly("1:not-visible", "2:running", "3:running", "4:stopped");
        pve.wm.verify(4, getRequestedFor(urlPathEqualTo(STATUS)));
    }

    @Test
    void warnings_areSuccessWithTheCountKept() {
        statuses(stopped("WARNINGS: 3"));
        TaskResult r = client.tasks().await(UPID, Duration.ofSeconds(30));
        assertThat(r.exitStatus()).isEqualTo("WARNINGS: 3");
        assertThat(r.warnings()).isEqualTo(3);
    }

    @Test
    void errorExitStatus_isTaskFailedWithUpidAndLogTail() {
        statuses(running(), stopped("unable to create CT 120 - no space left on device"));
        log("[{\"n\":1,\"t\":\"extracting archive\"},{\"n\":2,\"t\":\"tar: write error\"},"
                + "{\"n\":3,\"t\":\"TASK ERROR: unable to create CT 120 - no space left on device\"}]", 3);
        assertThatThrownBy(() -> client.tasks().await(UPID, Duration.ofSeconds(30)))
                .isExactlyInstanceOf(TaskFailedException.class)
                .hasMessageContaining(PveServer.UPID)
                .satisfies(t -> {
                    TaskFailedException e = (TaskFailedException) t;
                    assertThat(e.upid()).isEqualTo(UPID);
                    assertThat(e.exitStatus()).isEqualTo("unable to create CT 120 - no space left on device");
                    assertThat(e.logTail()).containsExactly("extracting archive", "tar: write error",
                            "TASK ERROR: unable to create CT 120 - no space left on device");
                });
    }

    @Test
    void logLines_areStreamedOnceEachInOrder() {
        statuses(running(), running(), stopped("OK"));
        log("[{\"n\":1,\"t\":\"a\"},{\"n\":2,\"t\":\"b\"},{\"n\":3,\"t\":\"c\"}]", 3);
        List<TaskLogLine> seen = new CopyOnWriteArrayList<>();
        client.tasks().await(UPID, TaskWait.builder().logListener(seen::add).build());
        assertThat(seen).extracting(TaskLogLine::text).containsExactly("a", "b", "c");
        pve.wm.verify(getRequestedFor(urlPathEqualTo(LOG))
                .withQueryParam("start", com.github.tomakehurst.wiremock.client.WireMock.equalTo("3")));
    }

    @Test
    void emptyLogPlaceholder_isNotStreamed() {
        statuses(stopped("OK"));
        log("[{\"n\":1,\"t\":\"no content\"}]", 1);
        List<TaskLogLine> seen = new CopyOnWriteArrayList<>();
        client.tasks().await(UPID, TaskWait.builder().logListener(seen::add).build());
        assertThat(seen).isEmpty();
    }

    @Test
    void deadline_endsTheWaitWithTimeout() {
        statuses(running());
        assertThatThrownBy(() -> client.tasks().await(UPID, Duration.ofMillis(100)))
                .isExactlyInstanceOf(ProxmoxTimeoutException.class)
                .hasMessageContaining(PveServer.UPID).hasMessageContaining("PT0.1S");
    }

    @Test
    void taskInvisibleBeyondGrace_isNotFound() {
        statuses(notVisible());
        TaskWait wait = TaskWait.builder().schedule(PollSchedule.builder().firstDelay(Duration.ZERO)
                .notVisibleGrace(Duration.ZERO).build()).build();
        assertThatThrownBy(() -> client.tasks().await(UPID, wait)).isInstanceOf(NotFoundException.class);
        pve.wm.verify(1, getRequestedFor(urlPathEqualTo(STATUS)));
    }

    @Test
    void asyncWait_completesWithTheResult() throws Exception {
        statuses(running(), stopped("OK"));
        CompletableFuture<TaskResult> f = client.tasks().awaitAsync(UPID, TaskWait.timeout(Duration.ofSeconds(30)));
        assertThat(f.get(30, TimeUnit.SECONDS).polls()).isEqualTo(2);
    }

    @Test
    void asyncWait_failsTheFutureOnTaskFailure() {
        statuses(stopped("CT is locked (backup)"));
        log("[]", 0);
        CompletableFuture<TaskResult> f = client.tasks().awaitAsync(UPID, TaskWait.timeout(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TaskFailedException.class);
    }

    @Test
    void cancellingTheAsyncWait_stopsPolling() throws Exception {
        statuses(running());
        CountDownLatch third = new CountDownLatch(1);
        CompletableFuture<?>[] holder = new CompletableFuture<?>[1];
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<TaskResult> f = client.tasks().awaitAsync(UPID, TaskWait.builder()
                .pollListener(p -> {
                    if (p.number() == 3) {
                        try {
                            started.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        holder[0].cancel(true);
                        third.countDown();
                    }
                }).build());
        holder[0] = f;
        started.countDown();
        assertThat(third.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(f.isCancelled()).isTrue();
        // the poll in flight when cancelled was the last one: nothing is scheduled after a cancel
        client.close();
        pve.wm.verify(3, getRequestedFor(urlPathMatching(".*/status")));
    }

    @Test
    void closingTheClient_failsPendingAsyncWaits() {
        statuses(running());
        CompletableFuture<TaskResult> f = client.tasks().awaitAsync(UPID, TaskWait.timeout(Duration.ofMinutes(5)));
        client.close();
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("client was closed");
        CompletableFuture<TaskResult> after = client.tasks().awaitAsync(UPID, TaskWait.timeout(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> after.get(30, TimeUnit.SECONDS)).hasMessageContaining("client is closed");
    }

    @Test
    void pollSchedule_startsFastAndBacksOffToTheCap() {
        PollSchedule s = PollSchedule.defaults();
        assertThat(s.delayBefore(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(s.delayBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(s.delayBefore(3)).isEqualTo(Duration.ofMillis(150));
        assertThat(s.delayBefore(4)).isEqualTo(Duration.ofMillis(225));
        assertThat(s.delayBefore(30)).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> s.delayBefore(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PollSchedule.builder().initialInterval(Duration.ofSeconds(5)).build())
                .hasMessageContaining("maxInterval");
    }
}
