package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.provision.ProvisionEvent;
import io.github.proxmoxlxc.core.provision.ProvisionListener;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Draws provisioning progress on stderr: one line per finished step with its elapsed time, always;
 * and, only when stderr is a terminal, a live status line below it: a progress bar while a
 * template downloads, a spinner while waiting.
 */
final class ProgressPrinter implements ProvisionListener, AutoCloseable {
    private static final String[] SPINNER = {"|", "/", "-", "\\"};
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean live;
    private final ScheduledExecutorService ticker;
    private ProvisionStep current;
    private String status = "";
    private Double fraction;
    private int frame;
    private boolean drawn;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.live = terminal;
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress-spinner");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    static String stepName(ProvisionStep s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public synchronized void onEvent(ProvisionEvent e) {
        switch (e.kind()) {
            case STARTED -> {
                current = e.step();
                status = "";
                fraction = null;
                redraw();
            }
            case PROGRESS -> {
                if (!e.message().isEmpty()) {
                    status = e.message();
                }
                if (e.fraction().isPresent()) {
                    fraction = e.fraction().getAsDouble();
                }
                redraw();
            }
            case FINISHED -> finished(e, "ok");
            case FAILED -> finished(e, "FAIL");
            case WARNING -> line("  warning: " + CliText.clean(e.message()));
            default -> {
            }
        }
    }

    private void finished(ProvisionEvent e, String verdict) {
        if (e.step() == current) {
            current = null;
        }
        String step = stepName(e.step());
        String message = e.message();
        if (verdict.equals("FAIL")) {
            // the preflight checks (node, storages, template, VMID, privileges) run while placing
            if (message.startsWith("preflight found ")) {
                step = "preflight";
                message = message.substring("preflight found ".length()) + " (below)";
            }
            message = CliText.clean(message);
        }
        line(String.format(Locale.ROOT, "  %-15s %-5s %7s  %s", step, verdict,
                Durations.format(e.elapsed().toMillis()), message).stripTrailing());
    }

    /** Prints a permanent line, clearing the live line first and drawing it again below. */
    private void line(String text) {
        clear();
        err.println(Out.safe(text)); // task log lines are server text
        redraw();
    }

    private synchronized void tick() {
        frame++;
        redraw();
    }

    private void clear() {
        if (live && drawn) {
            err.print("\r\033[K");
            drawn = false;
        }
        err.flush();
    }

    private void redraw() {
        if (!live) {
            err.flush();
            return;
        }
        clear();
        if (current == null) {
            return;
        }
        StringBuilder b = new StringBuilder("  ").append(String.format(Locale.ROOT, "%-15s ", stepName(current)));
        if (fraction != null) {
            int filled = (int) Math.round(fraction * BAR);
            b.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)));
            if (fraction < 1) {
                // servers that log no percentages leave the bar at 0% until done: show it is alive
                b.append(' ').append(SPINNER[frame % SPINNER.length]);
            }
        } else {
            b.append(SPINNER[frame % SPINNER.length]);
        }
        if (!status.isEmpty()) {
            String st = Out.safe(status).replace('\n', ' ');
            b.append("  ").append(st.length() > 60 ? st.substring(0, 57) + "..." : st);
        }
        err.print(b);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        current = null;
        clear();
    }
}
