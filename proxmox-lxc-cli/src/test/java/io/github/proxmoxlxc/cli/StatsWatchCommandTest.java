package io.github.proxmoxlxc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.testsupport.PveExtension;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code stats} (table, JSON, SVG chart) and {@code watch} against a simulator on a fixed clock. */
class StatsWatchCommandTest {
    @RegisterExtension
    static final PveExtension PVE = PveExtension.configured(b -> b.timeScale(0).seed(11)
            .clock(Clock.fixed(Instant.parse("2026-12-07T06:00:00Z"), ZoneOffset.UTC)));

    @BeforeAll
    static void containers(PveSimulator sim, ProxmoxClient pve) {
        SnapshotCommandTest.container(sim, pve, 701, "stats-a", true);
        SnapshotCommandTest.container(sim, pve, 702, "stats-b", false);
    }

    @Test
    void stats_printsMinAvgMax_asTextAndJson(PveSimulator sim) {
        CliRunner.Result text = SnapshotCommandTest.cli(sim).run("stats", "701", "702", "--timeframe", "day");
        assertThat(text.code()).isZero();
        Golden.assertMatches("stats.txt", text.both());
        CliRunner.Result json = SnapshotCommandTest.cli(sim).run("stats", "701", "--cf", "MAX", "--json");
        assertThat(json.code()).isZero();
        Golden.assertMatches("stats.json", json.out());
        CliRunner.Result bad = SnapshotCommandTest.cli(sim).run("stats", "701", "--timeframe", "month");
        assertThat(bad.code()).isEqualTo(3);
        assertThat(bad.err()).contains("--timeframe").contains("hour, day or week");
    }

    @Test
    void chart_isAnSvgWithTwoPanels_axes_andOneLinePerContainer(PveSimulator sim, @TempDir Path dir) throws Exception {
        Path svg = dir.resolve("week.svg");
        CliRunner.Result r = SnapshotCommandTest.cli(sim).run("stats", "701", "702", "--timeframe", "week",
                "--chart", svg.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("Wrote chart");
        String text = Files.readString(svg);
        Golden.assertMatches("stats-chart.svg", text);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList groups = doc.getElementsByTagName("g");
        int panels = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").equals("panel")) {
                continue;
            }
            panels++;
            NodeList lines = g.getElementsByTagName("polyline");
            assertThat(lines.getLength()).isEqualTo(2);
            assertThat(((Element) lines.item(0)).getAttribute("points").split(" ")).hasSize(70);
        }
        assertThat(panels).isEqualTo(2);
        assertThat(text).contains("Memory used (MiB)", "CPU (% of limit)", "time (UTC)", "CT 701", "CT 702", " MiB<",
                "%<", "Mon 7 Dec");
    }

    /** Watch events carry the client's wall clock. */
    static String watchTimes(String s) {
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>");
    }

    @Test
    void watch_printsTheStateOfEachContainer_untilTheTimeout(PveSimulator sim) {
        CliRunner.Result text = SnapshotCommandTest.cli(sim).run("watch", "701", "702", "703", "--timeout", "200ms");
        assertThat(text.code()).isZero();
        Golden.assertMatches("watch.txt", watchTimes(text.both()));
        CliRunner.Result json = SnapshotCommandTest.cli(sim).run("watch", "701", "--timeout", "200ms", "--json");
        assertThat(json.code()).isZero();
        Golden.assertMatches("watch.json", watchTimes(json.out()));
        assertThat(json.out().strip().lines()).hasSize(1);
    }
}
