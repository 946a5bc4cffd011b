package io.github.proxmoxlxc.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The call deadline's sweeper: calls past their deadline are cancelled and marked, calls that ended
 * in time are left alone, the sweeper holds no thread while idle, and a call registered while the
 * sweeper is ending is never left without one. The calls are never executed: cancelling an OkHttp
 * call is what the sweeper does, and {@link Call#isCanceled()} shows it.
 */
class CallDeadlinesTest {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Request REQUEST = new Request.Builder().url("https://pve.invalid:8006/api2/json/version")
            .build();

    @AfterAll
    static void shutdown() {
        HTTP.dispatcher().executorService().shutdown();
    }

    private static Call call() {
        return HTTP.newCall(REQUEST);
    }

    /** Waits (polling, bounded) until the condition holds; fails the test if it never does. */
    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("waited 10 s for: " + what).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    @Test
    void noThreadBeforeTheFirstCall() {
        try (CallDeadlines d = new CallDeadlines(Duration.ofSeconds(1))) {
            assertThat(d.sweeperRunning()).isFalse();
            CallDeadlines.Entry e = d.register(call());
            assertThat(d.sweeperRunning()).isTrue();
            d.done(e);
        }
    }

    @Test
    void aCallPastItsDeadline_isCancelledAndMarked_aCallThatEndedInTime_isNot() {
        try (CallDeadlines d = new CallDeadlines(Duration.ofMillis(100))) {
            Call inTime = call();
            d.done(d.register(inTime));
            Call late = call();
            // registered after inTime: its deadline is later, so the sweep that cancels it is past both
            CallDeadlines.Entry e = d.register(late);
            assertThat(e.expired()).isFalse();
            await("the late call is cancelled", late::isCanceled);
            assertThat(e.expired()).isTrue();
            assertThat(inTime.isCanceled()).isFalse();
            d.done(e);
        }
    }

    @Test
    void theSweeperEndsWhenIdle_andTheNextCallStartsAnother() {
        try (CallDeadlines d = new CallDeadlines(Duration.ofMillis(100), Duration.ofMillis(50))) {
            d.done(d.register(call()));
            await("the idle sweeper ends", () -> !d.sweeperRunning());
            Call late = call();
            CallDeadlines.Entry e = d.register(late);
            assertThat(d.sweeperRunning()).isTrue();
            await("the late call is cancelled by the new sweeper", late::isCanceled);
            assertThat(e.expired()).isTrue();
        }
    }

    @Test
    void aCallRegisteredAfterTheSweeperFoundNone_butBeforeItEnded_stillGetsItsDeadline() {
        try (CallDeadlines d = new CallDeadlines(Duration.ofMillis(100), Duration.ZERO)) {
            Call late = call();
            List<CallDeadlines.Entry> registered = new ArrayList<>();
            // the registration lands in the gap: it sees the sweeper still running and starts none
            d.endingHook = () -> {
                d.endingHook = null;
                registered.add(d.register(late));
            };
            d.done(d.register(call()));
            await("the registration in the gap has happened", () -> d.endingHook == null);
            await("the call registered in the gap is cancelled", late::isCanceled);
            assertThat(registered.get(0).expired()).isTrue();
        }
    }

    @Test
    void callsRegisteredWhileTheSweeperEnds_stillGetTheirDeadline() throws Exception {
        // idle 0: the sweeper ends after every tick that finds no call, so registrations race its end
        try (CallDeadlines d = new CallDeadlines(Duration.ofMillis(100), Duration.ZERO)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Call> kept = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<Call>>> fs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    fs.add(pool.submit(() -> {
                        go.await();
                        List<Call> mine = new ArrayList<>();
                        for (int i = 0; i < 2_000; i++) {
                            Call c = call();
                            CallDeadlines.Entry e = d.register(c);
                            if (i % 100 == 99) {
                                mine.add(c); // never done: must be cancelled
                            } else {
                                d.done(e);
                            }
                            if (i % 50 == 0) {
                                // let ticks pass with an empty set now and then
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                            }
                        }
                        return mine;
                    }));
                }
                go.countDown();
                for (Future<List<Call>> f : fs) {
                    kept.addAll(f.get(1, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(kept).hasSize(80);
            await("every call left registered is cancelled", () -> kept.stream().allMatch(Call::isCanceled));
        }
    }
}
