package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.Appliance;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import io.github.proxmoxlxc.core.client.TaskWait;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the template for a request on a node, and downloads it from {@code aplinfo} when no storage
 * has it; concurrent requests for the same template on the same storage share one download.
 */
final class Templates {
    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)%");
    /** Download task attempts after a task error, as build.func does ({@code pveam download}, 3 tries). */
    static final int DOWNLOAD_TASK_ATTEMPTS = 3;

    /**
     * Where the template is: an existing volume, or a file to download into a storage; with a note
     * when build.func's nearest-version fallback chose another OS version.
     */
    record Located(String volumeId, String downloadFile, String storage, String note) {
        Located(String volumeId, String downloadFile, String storage) {
            this(volumeId, downloadFile, storage, null);
        }

        boolean needsDownload() {
            return downloadFile != null;
        }
    }

    private final Lookups lookups;
    private final ProvisionOptions options;
    private final TaskTimings timings;
    private final ConcurrentHashMap<String, CompletableFuture<String>> downloads = new ConcurrentHashMap<>();

    Templates(Lookups lookups, ProvisionOptions options, TaskTimings timings) {
        this.lookups = lookups;
        this.options = options;
        this.timings = timings;
    }

    static String dpkgArch(io.github.proxmoxlxc.core.spec.ContainerSpec spec) {
        return spec.arch().map(a -> a.wireName()).orElse("amd64");
    }

    /** Finds the template; adds a problem and returns null when neither storage nor aplinfo has it. */
    Located locate(TemplateName name, String node, String storage, String arch, List<PreflightProblem> problems) {
        List<String> stored = lookups.templates(node, storage);
        if (name.exactVolume()) {
            if (stored.contains(name.fileName())) {
                return new Located(name.volumeId(), null, storage);
            }
            problems.add(new PreflightProblem("template", name.volumeId(), "is not in storage " + storage
                    + " on node " + node, "download it (pveam download " + storage + " " + name.fileName()
                    + ") or give a reference such as debian-12-standard"));
            return null;
        }
        Optional<String> local = name.select(stored, arch);
        if (local.isPresent()) {
            return new Located(storage + ":vztmpl/" + local.get(), null, storage);
        }
        List<String> offered = lookups.aplinfo(node).stream().map(Appliance::template).collect(Collectors.toList());
        Optional<String> online = name.select(offered, arch);
        if (online.isPresent()) {
            return new Located(storage + ":vztmpl/" + online.get(), online.get(), storage);
        }
        Optional<String> nearest = nearestVersion(name, offered, arch);
        if (nearest.isPresent()) {
            TemplateName alt = new TemplateName(null, null, name.os(), nearest.get(), name.flavour());
            String note = name.os() + " " + name.version() + " is not in the template catalogue of node " + node
                    + ": using " + name.os() + " " + nearest.get() + ", the nearest version (as build.func does)";
            Optional<String> altLocal = alt.select(stored, arch);
            if (altLocal.isPresent()) {
                return new Located(storage + ":vztmpl/" + altLocal.get(), null, storage, note);
            }
            String file = alt.select(offered, arch).orElseThrow();
            return new Located(storage + ":vztmpl/" + file, file, storage, note);
        }
        problems.add(new PreflightProblem("template", name.toString(), "no " + arch + " template matches in storage "
                + storage + " on node " + node + " or in the appliance index (aplinfo offers "
                + offered.stream().filter(f -> f.startsWith(name.os() == null ? "" : name.os())).toList() + ")",
                "choose an offered version, or run 'pveam update' on the node to refresh the index"));
        return null;
    }

    /**
     * build.func's {@code resolve_os_version}: when the catalogue (aplinfo) has no template of a
     * reference's version, the nearest version it has for the OS (and flavour, and architecture),
     * scored {@code major * 10000 + minor}, the newer one on a tie.
     *
     * @return the version, or empty for an exact name, a missing OS, or an exact match
     */
    static Optional<String> nearestVersion(TemplateName name, List<String> offered, String arch) {
        if (name.os() == null || name.version() == null) {
            return Optional.empty();
        }
        Pattern versionOf = Pattern.compile("^" + Pattern.quote(name.os()) + "-([0-9]+(?:\\.[0-9]+)?)[-_.]");
        long want = score(name.version());
        String best = null;
        long bestDistance = -1;
        for (String f : offered) {
            Matcher m = versionOf.matcher(f);
            if (!m.find()) {
                continue;
            }
            String v = m.group(1);
            if (new TemplateName(null, null, name.os(), v, name.flavour()).select(List.of(f), arch).isEmpty()) {
                continue;
            }
            long d = score(v) - want;
            long ad = Math.abs(d);
            if (v.equals(name.version())) {
                return Optional.empty();
            }
            if (bestDistance < 0 || ad < bestDistance || ad == bestDistance && d > 0) {
                bestDistance = ad;
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    private static long score(String version) {
        String[] p = version.split("\\.");
        long major = p[0].matches("[0-9]{1,9}") ? Long.parseLong(p[0]) : 0;
        long minor = p.length > 1 && p[1].matches("[0-9]{1,9}") ? Long.parseLong(p[1]) : 0;
        return major * 10000 + minor;
    }

    /** Makes sure the located template is stored; downloads it (once per storage) when needed. */
    String ensure(Located loc, String node, boolean shared, RunContext ctx) {
        if (!loc.needsDownload()) {
            return loc.volumeId();
        }
        String key = (shared ? "" : node + "|") + loc.storage() + "|" + loc.downloadFile();
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = downloads.putIfAbsent(key, mine);
        if (running != null) {
            ctx.progress("waiting for the download of " + loc.downloadFile() + " started by another request", null);
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                        : new ProxmoxException("template download failed", e.getCause());
            }
        }
        try {
            // another request may have finished downloading it since this one looked
            if (lookups.templates(node, loc.storage()).contains(loc.downloadFile())) {
                mine.complete(loc.volumeId());
                return loc.volumeId();
            }
            String v = download(loc, node, shared, ctx);
            mine.complete(v);
            return v;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            downloads.remove(key, mine);
        }
    }

    private boolean stored(Located loc, String node, boolean shared) {
        if (shared) {
            lookups.cache().invalidate("content:");
        } else {
            lookups.refreshTemplates(node, loc.storage());
        }
        return lookups.templates(node, loc.storage()).contains(loc.downloadFile());
    }

    private String download(Located loc, String node, boolean shared, RunContext ctx) {
        int transientTries = 0;
        int taskTries = 0;
        while (true) {
            Upid upid;
            try {
                ctx.progress("downloading " + loc.downloadFile() + " to " + loc.storage(), 0.0);
                upid = lookups.client().node(node).appliances().download(loc.storage(), loc.downloadFile());
                ctx.call("POST /nodes/" + node + "/aplinfo");
            } catch (RuntimeException e) {
                if (!Faults.transientFailure(e) || ++transientTries >= lookups.client().retryPolicy().maxAttempts()) {
                    throw e;
                }
                ctx.call("POST /nodes/" + node + "/aplinfo");
                ctx.progress("download request failed (" + Faults.describe(e) + "), checking and retrying", null);
                Backoff.pause(lookups.client().retryPolicy(), transientTries);
                if (stored(loc, node, shared)) {
                    return loc.volumeId();
                }
                continue;
            }
            try {
                TaskWait wait = timings.waitFor("download", options.downloadTimeout(), line -> {
                    Matcher m = PERCENT.matcher(line);
                    Double f = null;
                    if (m.find()) {
                        f = Math.min(1.0, Double.parseDouble(m.group(1)) / 100);
                    }
                    ctx.progress(line, f);
                });
                timings.await(lookups.client(), upid, wait);
            } catch (TaskFailedException e) {
                if (++taskTries >= DOWNLOAD_TASK_ATTEMPTS) {
                    throw e;
                }
                LOG.info("template download {} failed ({}), retrying", loc.downloadFile(), e.getMessage());
                ctx.progress("download failed (" + e.exitStatus() + "), retrying", null);
                Backoff.pause(lookups.client().retryPolicy(), taskTries);
                continue;
            }
            if (!stored(loc, node, shared)) {
                throw new ProxmoxException("template download task " + upid + " ended OK but " + loc.volumeId()
                        + " is not listed in storage " + loc.storage() + " on " + node);
            }
            ctx.progress("downloaded " + loc.downloadFile(), 1.0);
            return loc.volumeId();
        }
    }
}
