package io.github.proxmoxlxc.core.internal.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parameter names of {@code POST /nodes/{node}/lxc} in the official PVE 9.1 schema, from the
 * option table ({@link LxcOption#onCreate()}); a test checks that this list equals the schema's.
 */
public final class CreateOptions {
    /** Every property name as the schema spells it ({@code net[n]} for the indexed ones). */
    public static final List<String> NAMES = Arrays.stream(LxcOption.values()).filter(LxcOption::onCreate)
            .map(LxcOption::schemaName).sorted().collect(Collectors.toUnmodifiableList());

    /** Highest index of each indexed option (pve-container {@code LXC/Config.pm}). */
    public static final Map<String, Integer> MAX_INDEX = Arrays.stream(LxcOption.values())
            .filter(o -> o.maxIndex() >= 0).collect(Collectors.toUnmodifiableMap(LxcOption::wire, LxcOption::maxIndex));

    private static final Pattern INDEXED = Pattern.compile("([a-z]+)(0|[1-9]\\d{0,2})");

    private CreateOptions() {
    }

    /**
     * Whether a concrete key ({@code memory}, {@code net3}) is a create option.
     *
     * @param key the key
     * @return true if the schema defines it (with the index in range)
     */
    public static boolean isCreateOption(String key) {
        if (key.indexOf('[') < 0 && NAMES.contains(key)) {
            return true;
        }
        Matcher m = INDEXED.matcher(key);
        if (m.matches()) {
            Integer max = MAX_INDEX.get(m.group(1));
            return max != null && Integer.parseInt(m.group(2)) <= max;
        }
        return false;
    }
}
