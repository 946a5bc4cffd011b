package io.github.proxmoxlxc.core.daytwo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.RrdPoint;
import io.github.proxmoxlxc.core.client.RrdTimeframe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rrddata as typed series. */
class RrdTest {
    private static DayTwoSim s;

    @BeforeAll
    static void start() {
        s = DayTwoSim.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void weekOfAverages_andMaxima_atTheFramesResolution() {
        Container ct = s.container(901, "watched", true);
        List<RrdPoint> week = ct.rrd(RrdTimeframe.WEEK);
        assertThat(week).hasSize(70);
        assertThat(Duration.between(week.get(0).time(), week.get(1).time())).isEqualTo(RrdTimeframe.WEEK.resolution());
        assertThat(week).allSatisfy(p -> {
            assertThat(p.cpu().orElseThrow()).isBetween(0.0, 1.0);
            assertThat(p.memory().orElseThrow()).isLessThanOrEqualTo(p.maxMemory().orElseThrow());
            assertThat(p.maxMemory().orElseThrow()).isEqualTo(512.0 * 1024 * 1024);
        });
        List<RrdPoint> peaks = ct.rrdMax(RrdTimeframe.WEEK);
        for (int i = 0; i < week.size(); i++) {
            assertThat(peaks.get(i).netIn().orElseThrow()).isGreaterThanOrEqualTo(week.get(i).netIn().orElseThrow());
        }
        assertThat(ct.rrd(RrdTimeframe.HOUR)).hasSize(70);
    }
}
