package io.github.proxmoxlxc.testkit.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET .../lxc/{vmid}/rrddata}: 70 points per time frame at PVE::RRD's resolutions (hour 60 s,
 * day 30 min, week 3 h, month 12 h, year 1 week), from a deterministic synthetic load per container.
 */
public final class RrdOps {
    private static final Map<String, Long> STEP = Map.of("hour", 60L, "day", 1800L, "week", 10800L,
            "month", 43200L, "year", 604800L);
    private final PveModel m;

    RrdOps(PveModel model) {
        this.m = model;
    }

    /** The series of one container, oldest first. */
    public List<Map<String, Object>> container(String node, int vmid, String timeframe, String cf) {
        synchronized (m) {
            m.advance();
            Container c = m.container(node, vmid);
            long step = STEP.get(timeframe);
            boolean max = "MAX".equals(cf);
            long end = m.epoch() / step * step;
            long maxmem = Long.parseLong(c.config.getOrDefault("memory", "512")) * 1024 * 1024;
            long maxdisk = ContainerViews.rootSize(c);
            double cpus = Double.parseDouble(c.config.getOrDefault("cores", "1"));
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 69; i >= 0; i--) {
                long t = end - i * step;
                double phase = (t / 3600.0 + vmid) * 2 * Math.PI / 24;
                double load = 0.5 + 0.5 * Math.sin(phase);
                double peak = max ? 1.6 : 1.0;
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("time", t);
                p.put("maxcpu", cpus);
                p.put("cpu", Math.min(1.0, (0.02 + 0.2 * load) * peak));
                p.put("maxmem", maxmem);
                p.put("mem", (double) Math.min(maxmem, (long) (maxmem * (0.25 + 0.35 * load * peak))));
                p.put("maxdisk", maxdisk);
                p.put("disk", (double) (maxdisk / 10 + (long) (maxdisk * 0.001 * ((t / step) % 50))));
                p.put("netin", 2000.0 + 48000 * load * peak);
                p.put("netout", 1000.0 + 12000 * load * peak);
                p.put("diskread", 500.0 * load * peak);
                p.put("diskwrite", 4000.0 * load * peak);
                out.add(p);
            }
            return out;
        }
    }
}
