package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.ConfigChangedException;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.client.PendingOption;
import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.SpecCodec;
import io.github.proxmoxlxc.core.provision.DriftAction;
import io.github.proxmoxlxc.core.provision.DriftChange;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Brings an existing container towards its spec without losing data: one digest-guarded
 * {@code PUT .../config} for the options that can change (a running container takes some live and
 * keeps the rest pending, as pve-container's update_pct_config does), a digest-guarded resize for
 * a disk smaller than the spec, and a report of what needs a re-create.
 */
final class Converge {
    /** Options Proxmox refuses to change on an existing container, or that cannot be undone. */
    private static final Set<String> RECREATE = Set.of("unprivileged", "template");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]?)");

    private final io.github.proxmoxlxc.core.client.ProxmoxClient client;
    private final Container ct;
    private final ContainerConfig config;
    private final boolean running;
    private final Duration timeout;

    Converge(io.github.proxmoxlxc.core.client.ProxmoxClient client, Container ct, ContainerConfig config,
            boolean running, Duration timeout) {
        this.client = client;
        this.ct = ct;
        this.config = config;
        this.running = running;
        this.timeout = timeout;
    }

    List<DriftChange> run(List<SpecDifference> diffs) {
        List<DriftChange> out = new ArrayList<>();
        Map<String, String> put = new LinkedHashMap<>();
        List<String> delete = new ArrayList<>();
        Map<String, SpecDifference> written = new LinkedHashMap<>();
        Map<SpecDifference, String> resize = new LinkedHashMap<>();
        for (SpecDifference d : diffs) {
            String k = d.key();
            Optional<String> want = d.expectedValue();
            Optional<String> have = d.actualValue();
            if (RECREATE.contains(k)) {
                out.add(ProvisionAccess.drift(d, DriftAction.NEEDS_RECREATE, k + " cannot change on an existing container"));
            } else if (k.equals("rootfs") || k.matches("mp\\d+")) {
                volume(d, out, resize);
            } else if (want.isEmpty()) {
                // an option the spec does not have: net/dev can go, a mount point would detach its data
                delete.add(k);
                written.put(k, d);
            } else {
                String v = want.get();
                if (k.matches("net\\d+") && have.isPresent() && !v.contains("hwaddr=")) {
                    Matcher mac = Pattern.compile("(?:^|,)(hwaddr=[^,]+)").matcher(have.get());
                    if (mac.find()) {
                        v = v + "," + mac.group(1); // keep the MAC Proxmox generated
                    }
                }
                // keep the sub-keys a newer pve-container wrote that this version cannot judge
                v = SpecCodec.keepUnknownSubKeys(k, v, config.values().get(k));
                if (k.equals("description")) {
                    // keep the ownership markers (run, ensure key) that are not part of the spec
                    List<String> markers = DescriptionMarker.markers(config.values().get("description"));
                    if (!markers.isEmpty()) {
                        v = (v.endsWith("\n") ? v : v + "\n") + String.join("\n", markers);
                    }
                }
                put.put(k, v);
                written.put(k, d);
            }
        }
        if (!put.isEmpty() || !delete.isEmpty()) {
            Map<String, String> params = new LinkedHashMap<>(put);
            if (!delete.isEmpty()) {
                params.put("delete", String.join(",", delete));
            }
            try {
                ct.updateConfig(params, config.digest());
            } catch (ConfigChangedException e) {
                written.values().forEach(d -> out.add(ProvisionAccess.drift(d, DriftAction.CONFLICT,
                        "the configuration changed meanwhile; nothing was written, run ensure() again")));
                resize.keySet().forEach(d -> out.add(ProvisionAccess.drift(d, DriftAction.CONFLICT,
                        "the configuration changed meanwhile; the disk was not resized")));
                return order(diffs, out);
            }
            Set<String> pending = running ? ct.pending().stream().filter(PendingOption::isPending)
                    .map(PendingOption::key).collect(Collectors.toSet()) : Set.of();
            written.forEach((k, d) -> out.add(pending.contains(k)
                    ? ProvisionAccess.drift(d, DriftAction.PENDING, "takes effect when the container is next restarted")
                    : ProvisionAccess.drift(d, DriftAction.APPLIED, running ? "applied live" : "applied")));
        }
        if (!resize.isEmpty()) {
            String digest = put.isEmpty() && delete.isEmpty() ? config.digest() : ct.config().digest();
            for (Map.Entry<SpecDifference, String> e : resize.entrySet()) {
                try {
                    io.github.proxmoxlxc.core.client.Upid upid = ct.resize(e.getKey().key(), e.getValue(),
                            Optional.of(digest));
                    client.tasks().await(upid, timeout);
                    out.add(ProvisionAccess.drift(e.getKey(), DriftAction.RESIZED, "grown to " + e.getValue()));
                    digest = ct.config().digest();
                } catch (ConfigChangedException ex) {
                    out.add(ProvisionAccess.drift(e.getKey(), DriftAction.CONFLICT,
                            "the configuration changed meanwhile; the disk was not resized, run ensure() again"));
                }
            }
        }
        return order(diffs, out);
    }

    private void volume(SpecDifference d, List<DriftChange> out, Map<SpecDifference, String> resize) {
        if (d.expectedValue().isEmpty()) {
            out.add(ProvisionAccess.drift(d, DriftAction.NOT_APPLIED, "removing " + d.key()
                    + " would detach its volume; remove it by hand if its data is no longer needed"));
            return;
        }
        if (d.actualValue().isEmpty()) {
            out.add(ProvisionAccess.drift(d, DriftAction.NOT_APPLIED, d.key() + " is missing; add it with set"));
            return;
        }
        String want = d.expectedValue().get();
        String have = d.actualValue().get();
        String wantHead = want.split(",", 2)[0];
        String haveHead = have.split(",", 2)[0];
        if (!Formats.isAllocation(wantHead)) {
            // an existing volume or a bind mount: the same one with other options, or another one
            boolean otherOptions = wantHead.equals(haveHead) && !options(want).equals(options(have));
            out.add(ProvisionAccess.drift(d, DriftAction.NOT_APPLIED, otherOptions ? optionsDiffer(d.key(), want, have)
                    : d.key() + " names another volume; change it by hand"));
            return;
        }
        String storage = wantHead.substring(0, wantHead.indexOf(':'));
        if (!haveHead.startsWith(storage + ":")) {
            out.add(ProvisionAccess.drift(d, DriftAction.NEEDS_RECREATE, d.key() + " is on storage '"
                    + haveHead.substring(0, Math.max(0, haveHead.indexOf(':'))) + "', the spec wants '" + storage + "'"));
            return;
        }
        if (!options(want).equals(options(have))) {
            out.add(ProvisionAccess.drift(d, DriftAction.NOT_APPLIED, optionsDiffer(d.key(), want, have)));
            return;
        }
        BigDecimal wantGiB = new BigDecimal(wantHead.substring(wantHead.indexOf(':') + 1)).stripTrailingZeros();
        BigDecimal haveGiB = sizeGiB(have);
        if (haveGiB == null || wantGiB.compareTo(haveGiB) < 0) {
            out.add(ProvisionAccess.drift(d, DriftAction.NEEDS_RECREATE, d.key() + " is larger than the spec; a disk never shrinks"));
        } else {
            resize.put(d, wantGiB.toPlainString() + "G");
        }
    }

    private static List<String> options(String volume) {
        List<String> kept = new ArrayList<>();
        String[] parts = volume.split(",");
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].startsWith("size=")) {
                kept.add(parts[i]);
            }
        }
        return new ArrayList<>(new TreeSet<>(kept));
    }

    /** e.g. {@code mp0 mount options differ (idmap, ro); change them by hand}. */
    private static String optionsDiffer(String key, String want, String have) {
        List<String> w = options(want);
        List<String> h = options(have);
        TreeSet<String> keys = new TreeSet<>();
        w.stream().filter(p -> !h.contains(p)).forEach(p -> keys.add(p.split("=", 2)[0]));
        h.stream().filter(p -> !w.contains(p)).forEach(p -> keys.add(p.split("=", 2)[0]));
        return key + " mount options differ (" + String.join(", ", keys) + "); change them by hand";
    }

    private static BigDecimal sizeGiB(String volume) {
        for (String part : volume.split(",")) {
            if (part.startsWith("size=")) {
                Matcher m = SIZE.matcher(part.substring(5));
                if (!m.matches()) {
                    return null;
                }
                BigDecimal v = new BigDecimal(m.group(1));
                switch (m.group(2)) {
                    case "T": return v.multiply(BigDecimal.valueOf(1024)).stripTrailingZeros();
                    case "G": return v.stripTrailingZeros();
                    case "M": return v.divide(BigDecimal.valueOf(1024)).stripTrailingZeros();
                    case "K": return v.divide(BigDecimal.valueOf(1024L * 1024)).stripTrailingZeros();
                    default: return v.divide(BigDecimal.valueOf(1024L * 1024 * 1024)).stripTrailingZeros();
                }
            }
        }
        return null;
    }

    /** The changes in the order of the differences. */
    private static List<DriftChange> order(List<SpecDifference> diffs, List<DriftChange> out) {
        List<DriftChange> sorted = new ArrayList<>();
        for (SpecDifference d : diffs) {
            out.stream().filter(c -> c.difference().equals(d)).forEach(sorted::add);
        }
        return List.copyOf(sorted);
    }

    /** e.g. {@code 2 applied, 1 pending, 1 needs re-create}. */
    static String summary(List<DriftChange> drift) {
        Map<DriftAction, Integer> n = new EnumMap<>(DriftAction.class);
        drift.forEach(c -> n.merge(c.action(), 1, Integer::sum));
        return n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).collect(Collectors.joining(", "));
    }
}
