package io.github.proxmoxlxc.core.internal.spec;

import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares a wanted spec with an actual configuration. */
public final class SpecDiff {
    private static final Pattern VOLUME_HEAD = Pattern.compile("([^,]*)(.*)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]?)");

    private SpecDiff() {
    }

    /**
     * The differences between wanted and actual.
     *
     * @param wanted the wanted spec
     * @param actual the actual configuration
     * @return the differences in the wanted spec's parameter order, then extra indexed options
     */
    public static List<SpecDifference> differences(ContainerSpec wanted, ContainerSpec actual) {
        Map<String, String> w = kept(wanted);
        Map<String, String> a = kept(actual);
        List<SpecDifference> out = new ArrayList<>();
        w.forEach((k, v) -> {
            String av = a.get(k);
            if (!same(k, v, av)) {
                out.add(new SpecDifference(k, v, av));
            }
        });
        a.forEach((k, v) -> {
            if (!w.containsKey(k) && LxcOption.forKey(k).filter(o -> o.maxIndex() >= 0).isPresent()) {
                out.add(new SpecDifference(k, null, v));
            }
        });
        return List.copyOf(out);
    }

    /** The parameters the container's config keeps (create-only and server-managed ones left out). */
    private static Map<String, String> kept(ContainerSpec s) {
        Map<String, String> m = new LinkedHashMap<>(SpecCodec.toParameters(s, false));
        m.keySet().removeIf(k -> LxcOption.forKey(k).filter(LxcOption::inConfig).isEmpty());
        return m;
    }

    private static boolean same(String key, String want, String have) {
        if (have == null) {
            return false;
        }
        if (LxcOption.forKey(key).filter(LxcOption::asSet).isPresent()) {
            return new TreeSet<>(SpecCodec.splitList(want)).equals(new TreeSet<>(SpecCodec.splitList(have)));
        }
        if (key.equals("rootfs") || key.startsWith("mp")) {
            return sameMount(want, have);
        }
        if (key.startsWith("net") && !hasPart(want, "hwaddr")) {
            // Proxmox generates a MAC when none is given: an unset hwaddr matches any
            return want.equals(withoutPart(have, "hwaddr"));
        }
        return want.equals(have);
    }

    /** A volume to allocate matches an allocated volume on the same storage with that size. */
    private static boolean sameMount(String want, String have) {
        if (want.equals(have)) {
            return true;
        }
        Matcher wm = VOLUME_HEAD.matcher(want);
        Matcher hm = VOLUME_HEAD.matcher(have);
        if (!wm.matches() || !hm.matches()) {
            return want.equals(have);
        }
        String wv = wm.group(1);
        if (!Formats.isAllocation(wv)) {
            return want.equals(have);
        }
        String storage = wv.substring(0, wv.indexOf(':'));
        BigDecimal gib = new BigDecimal(wv.substring(wv.indexOf(':') + 1));
        String hv = hm.group(1);
        if (!hv.startsWith(storage + ":")) {
            return false;
        }
        List<String> haveRest = new ArrayList<>();
        String haveSize = null;
        for (String part : hm.group(2).split(",")) {
            if (part.startsWith("size=")) {
                haveSize = part.substring(5);
            } else if (!part.isEmpty()) {
                haveRest.add(part);
            }
        }
        List<String> wantRest = new ArrayList<>();
        for (String part : wm.group(2).split(",")) {
            if (!part.isEmpty() && !part.startsWith("size=")) {
                wantRest.add(part);
            }
        }
        return wantRest.equals(haveRest) && haveSize != null
                && Objects.equals(toGiB(haveSize), gib.stripTrailingZeros());
    }

    private static boolean hasPart(String propertyString, String key) {
        for (String part : propertyString.split(",")) {
            if (part.startsWith(key + "=")) {
                return true;
            }
        }
        return false;
    }

    private static String withoutPart(String propertyString, String key) {
        List<String> kept = new ArrayList<>();
        for (String part : propertyString.split(",")) {
            if (!part.startsWith(key + "=")) {
                kept.add(part);
            }
        }
        return String.join(",", kept);
    }

    private static BigDecimal toGiB(String size) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            return null;
        }
        BigDecimal v = new BigDecimal(m.group(1));
        switch (m.group(2)) {
            case "T": v = v.multiply(BigDecimal.valueOf(1024)); break;
            case "G": break;
            case "M": v = v.divide(BigDecimal.valueOf(1024)); break;
            case "K": v = v.divide(BigDecimal.valueOf(1024L * 1024)); break;
            default: v = v.divide(BigDecimal.valueOf(1024L * 1024 * 1024)); break;
        }
        return v.stripTrailingZeros();
    }
}
