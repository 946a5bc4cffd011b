package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.RrdPoint;
import io.github.proxmoxlxc.core.client.RrdTimeframe;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A small self-contained SVG line chart of memory and cpu over an rrd frame: two panels sharing the
 * time axis (UTC labels), y axes with units, one coloured line per container and a legend.
 */
final class SvgChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 580;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    /** One container's points. */
    record Series(String label, List<RrdPoint> points) {
    }

    private SvgChart() {
    }

    static String render(String title, RrdTimeframe frame, List<Series> series) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.append("<text x=\"").append(WIDTH / 2).append("\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">")
                .append(esc("Containers " + String.join(", ", series.stream().map(Series::label).toList()) + " - "
                        + title)).append("</text>\n");
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        for (Series s : series) {
            for (RrdPoint p : s.points()) {
                t0 = Math.min(t0, p.time().getEpochSecond());
                t1 = Math.max(t1, p.time().getEpochSecond());
            }
        }
        if (t0 >= t1) {
            t1 = t0 == Long.MAX_VALUE ? 1 : t0 + 1;
            t0 = t0 == Long.MAX_VALUE ? 0 : t0;
        }
        panel(sb, "memory", "Memory used (MiB)", 60, 200, frame, t0, t1, series,
                p -> p.memory().isPresent() ? OptionalDouble.of(p.memory().getAsDouble() / (1 << 20))
                        : OptionalDouble.empty(), d -> trim(d) + " MiB");
        panel(sb, "cpu", "CPU (% of limit)", 310, 200, frame, t0, t1, series,
                p -> p.cpu().isPresent() ? OptionalDouble.of(p.cpu().getAsDouble() * 100) : OptionalDouble.empty(),
                d -> trim(d) + "%");
        int lx = LEFT;
        int ly = HEIGHT - 18;
        sb.append("<g class=\"legend\">\n");
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            sb.append("<line x1=\"").append(lx).append("\" y1=\"").append(ly - 4).append("\" x2=\"").append(lx + 24)
                    .append("\" y2=\"").append(ly - 4).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2.5\"/>");
            sb.append("<text x=\"").append(lx + 30).append("\" y=\"").append(ly).append("\">")
                    .append(esc("CT " + series.get(i).label())).append("</text>\n");
            lx += 110;
        }
        sb.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(ly)
                .append("\" text-anchor=\"end\" fill=\"#555555\">time (UTC)</text>\n");
        sb.append("</g>\n</svg>\n");
        return sb.toString();
    }

    private static void panel(StringBuilder sb, String id, String label, int top, int height, RrdTimeframe frame,
            long t0, long t1, List<Series> series, Function<RrdPoint, OptionalDouble> value,
            Function<Double, String> fmt) {
        int plotW = WIDTH - LEFT - RIGHT;
        double max = 0;
        for (Series s : series) {
            for (RrdPoint p : s.points()) {
                OptionalDouble v = value.apply(p);
                if (v.isPresent()) {
                    max = Math.max(max, v.getAsDouble());
                }
            }
        }
        double step = niceStep(max <= 0 ? 1 : max / 4);
        double top2 = Math.max(step, Math.ceil(max / step) * step);
        sb.append("<g class=\"panel\" id=\"").append(id).append("\">\n");
        sb.append("<text x=\"").append(LEFT).append("\" y=\"").append(top - 8).append("\" font-weight=\"bold\">")
                .append(esc(label)).append("</text>\n");
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(height).append("\" fill=\"none\" stroke=\"#888888\"/>\n");
        for (double y = 0; y <= top2 + step / 2; y += step) {
            double py = top + height - y / top2 * height;
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(f(py)).append("\" x2=\"")
                    .append(LEFT + plotW).append("\" y2=\"").append(f(py)).append("\" stroke=\"#e0e0e0\"/>");
            sb.append("<text class=\"ytick\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(py + 4))
                    .append("\" text-anchor=\"end\">").append(esc(fmt.apply(y))).append("</text>\n");
        }
        DateTimeFormatter tf = DateTimeFormatter.ofPattern(frame == RrdTimeframe.HOUR || frame == RrdTimeframe.DAY
                ? "HH:mm" : "EEE d MMM", Locale.ROOT).withZone(ZoneOffset.UTC);
        long every = frame == RrdTimeframe.HOUR ? 600 : frame == RrdTimeframe.DAY ? 4 * 3600 : 86_400;
        for (long t = (t0 + every - 1) / every * every; t <= t1; t += every) {
            double px = LEFT + (double) plotW * (t - t0) / (t1 - t0);
            sb.append("<line x1=\"").append(f(px)).append("\" y1=\"").append(top + height).append("\" x2=\"")
                    .append(f(px)).append("\" y2=\"").append(top + height + 5).append("\" stroke=\"#888888\"/>");
            sb.append("<text class=\"xtick\" x=\"").append(f(px)).append("\" y=\"").append(top + height + 18)
                    .append("\" text-anchor=\"middle\">").append(tf.format(Instant.ofEpochSecond(t)))
                    .append("</text>\n");
        }
        for (int i = 0; i < series.size(); i++) {
            StringBuilder pts = new StringBuilder();
            for (RrdPoint p : series.get(i).points()) {
                OptionalDouble v = value.apply(p);
                if (v.isEmpty()) {
                    continue;
                }
                double px = LEFT + (double) plotW * (p.time().getEpochSecond() - t0) / (t1 - t0);
                double py = top + height - v.getAsDouble() / top2 * height;
                if (pts.length() > 0) {
                    pts.append(' ');
                }
                pts.append(f(px)).append(',').append(f(py));
            }
            sb.append("<polyline class=\"series\" data-vmid=\"").append(esc(series.get(i).label()))
                    .append("\" fill=\"none\" stroke=\"").append(COLOURS[i % COLOURS.length])
                    .append("\" stroke-width=\"2\" points=\"").append(pts).append("\"/>\n");
        }
        sb.append("</g>\n");
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        double nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
        return nice * mag;
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    /** Bytes in binary units, e.g. {@code 512 MiB}, {@code 1.5 GiB}. */
    static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = b;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /** A duration in seconds as {@code 1 minute}, {@code 30 minutes}, {@code 3 hours}. */
    static String span(long seconds) {
        if (seconds % 3600 == 0) {
            long h = seconds / 3600;
            return h == 1 ? "hour" : h + " hours";
        }
        long m = seconds / 60;
        return m == 1 ? "minute" : m + " minutes";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
