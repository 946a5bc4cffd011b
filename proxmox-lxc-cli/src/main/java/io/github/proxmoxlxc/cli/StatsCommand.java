package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.RrdPoint;
import io.github.proxmoxlxc.core.client.RrdTimeframe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stats VMID... [--timeframe] [--cf] [--chart FILE]}. */
@Command(name = "stats", description = "Show containers' cpu, memory, disk and network use over an hour, day or week "
        + "(min/avg/max), and optionally write an SVG chart.", footer = ExitCodes.HELP)
final class StatsCommand extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "VMID", description = "The containers.")
    List<Integer> vmids;

    @Option(names = "--timeframe", paramLabel = "FRAME", defaultValue = "hour",
            description = "hour, day or week (default: ${DEFAULT-VALUE}).")
    String timeframe;

    @Option(names = "--cf", paramLabel = "CF", defaultValue = "AVERAGE",
            description = "AVERAGE or MAX: how each point consolidates its interval (default: ${DEFAULT-VALUE}).")
    String cf;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Also write an SVG chart of memory and cpu over the frame to FILE.")
    Path chart;

    @Option(names = "--node", paramLabel = "NODE", description = "The node the containers are on (default: looked up).")
    String node;

    StatsCommand(CliContext ctx) {
        super(ctx);
    }

    /** min, avg and max of one series; empty when no point has a value. */
    record Summary(double min, double avg, double max, int points) {
        static java.util.Optional<Summary> of(List<RrdPoint> pts, Function<RrdPoint, OptionalDouble> f) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (RrdPoint p : pts) {
                OptionalDouble v = f.apply(p);
                if (v.isPresent()) {
                    min = Math.min(min, v.getAsDouble());
                    max = Math.max(max, v.getAsDouble());
                    sum += v.getAsDouble();
                    n++;
                }
            }
            return n == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Summary(min, sum / n, max, n));
        }
    }

    @Override
    int run(Connection c, Out out) {
        RrdTimeframe frame = switch (timeframe.toLowerCase(Locale.ROOT)) {
            case "hour" -> RrdTimeframe.HOUR;
            case "day" -> RrdTimeframe.DAY;
            case "week" -> RrdTimeframe.WEEK;
            default -> throw CliException.invalid("--timeframe", timeframe, "must be hour, day or week");
        };
        String consolidation = cf.toUpperCase(Locale.ROOT);
        if (!consolidation.equals("AVERAGE") && !consolidation.equals("MAX")) {
            throw CliException.invalid("--cf", cf, "must be AVERAGE or MAX");
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        List<SvgChart.Series> series = new ArrayList<>();
        for (int v : vmids) {
            if (v < 100 || v > 999_999_999) {
                throw CliException.invalid("VMID", Integer.toString(v), "must be 100..999999999 (pve-vmid)");
            }
            Container ct = Containers.find(c.client(), v, node);
            List<RrdPoint> pts = consolidation.equals("MAX") ? ct.rrdMax(frame) : ct.rrd(frame);
            series.add(new SvgChart.Series(Integer.toString(v), pts));
            docs.add(report(out, ct, frame, consolidation, pts));
        }
        if (chart != null) {
            String svg = SvgChart.render("last " + frame.wire() + " (" + consolidation + ")", frame, series);
            write(chart, svg);
            out.note("Wrote chart " + chart);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("timeframe", frame.wire());
        doc.put("cf", consolidation);
        doc.put("containers", docs);
        if (chart != null) {
            doc.put("chart", chart.toString());
        }
        out.document(doc);
        return ExitCodes.OK;
    }

    private static void write(Path file, String text) {
        Path abs = file.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(abs.getParent(), ".chart-", ".svg.tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw CliException.invalid("--chart", file.toString(), "could not be written (" + e.getMessage()
                    + "); give a path in a writable directory");
        }
    }

    private Map<String, Object> report(Out out, Container ct, RrdTimeframe frame, String consolidation,
            List<RrdPoint> pts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("vmid", ct.vmid());
        doc.put("node", ct.node());
        doc.put("points", pts.size());
        doc.put("resolutionSeconds", frame.resolution().toSeconds());
        out.line("Container " + ct.vmid() + " on " + ct.node() + ", last " + frame.wire() + " (" + consolidation + ", "
                + pts.size() + " points, one per " + SvgChart.span(frame.resolution().toSeconds()) + ")");
        out.line(String.format(Locale.ROOT, "  %-8s %12s %12s %12s   %s", "", "min", "avg", "max", "limit"));
        OptionalDouble cores = last(pts, RrdPoint::maxCpu);
        row(out, doc, "cpu", Summary.of(pts, p -> p.cpu().isPresent()
                ? OptionalDouble.of(p.cpu().getAsDouble() * 100) : OptionalDouble.empty()), StatsCommand::percent,
                cores.isPresent() ? String.format(Locale.ROOT, "%.0f core(s)", cores.getAsDouble()) : "",
                OptionalDouble.empty());
        if (cores.isPresent()) {
            doc.put("cores", round(cores.getAsDouble()));
        }
        OptionalDouble maxMem = last(pts, RrdPoint::maxMemory);
        row(out, doc, "memory", Summary.of(pts, RrdPoint::memory), SvgChart::bytes,
                maxMem.isPresent() ? SvgChart.bytes(maxMem.getAsDouble()) : "", maxMem);
        OptionalDouble maxDisk = last(pts, RrdPoint::maxDisk);
        row(out, doc, "disk", Summary.of(pts, RrdPoint::disk), SvgChart::bytes,
                maxDisk.isPresent() ? SvgChart.bytes(maxDisk.getAsDouble()) : "", maxDisk);
        row(out, doc, "net in", Summary.of(pts, RrdPoint::netIn), d -> SvgChart.bytes(d) + "/s", "",
                OptionalDouble.empty());
        row(out, doc, "net out", Summary.of(pts, RrdPoint::netOut), d -> SvgChart.bytes(d) + "/s", "",
                OptionalDouble.empty());
        return doc;
    }

    private static OptionalDouble last(List<RrdPoint> pts, Function<RrdPoint, OptionalDouble> f) {
        for (int i = pts.size() - 1; i >= 0; i--) {
            OptionalDouble v = f.apply(pts.get(i));
            if (v.isPresent()) {
                return v;
            }
        }
        return OptionalDouble.empty();
    }

    private static String percent(double d) {
        return String.format(Locale.ROOT, "%.1f%%", d);
    }

    private static void row(Out out, Map<String, Object> doc, String name, java.util.Optional<Summary> s,
            Function<Double, String> fmt, String limit, OptionalDouble limitValue) {
        String key = switch (name) {
            case "cpu" -> "cpuPercent";
            case "net in" -> "netInBytesPerSecond";
            case "net out" -> "netOutBytesPerSecond";
            default -> name + "Bytes";
        };
        Map<String, Object> j = new LinkedHashMap<>();
        if (s.isEmpty()) {
            out.line(String.format(Locale.ROOT, "  %-8s %12s %12s %12s   %s", name, "-", "-", "-", limit));
        } else {
            Summary v = s.get();
            out.line(String.format(Locale.ROOT, "  %-8s %12s %12s %12s   %s", name, fmt.apply(v.min()),
                    fmt.apply(v.avg()), fmt.apply(v.max()), limit).stripTrailing());
            j.put("min", round(v.min()));
            j.put("avg", round(v.avg()));
            j.put("max", round(v.max()));
        }
        if (limitValue.isPresent()) {
            j.put("limit", round(limitValue.getAsDouble()));
        }
        doc.put(key, j);
    }

    private static Number round(double d) {
        return Math.abs(d) >= 1000 ? (Number) Math.round(d) : (Number) (Math.round(d * 1000) / 1000.0);
    }
}
