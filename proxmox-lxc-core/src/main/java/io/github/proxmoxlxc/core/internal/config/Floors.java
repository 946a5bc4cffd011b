package io.github.proxmoxlxc.core.internal.config;

import io.github.proxmoxlxc.core.config.ConfigWarning;
import io.github.proxmoxlxc.core.config.Layer;
import io.github.proxmoxlxc.core.config.ResolvedValue;
import io.github.proxmoxlxc.core.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app profile's minimums for cores, memory and disk (build.func's {@code APP_DEFAULT_*}).
 */
public final class Floors {
    /** The keys an app profile sets floors for. */
    public static final List<String> KEYS = List.of("var_cpu", "var_ram", "var_disk");

    private Floors() {
    }

    /**
     * Raises values from saved {@code .vars} files to the profile's floor, and warns about
     * environment or explicit values below it.
     *
     * @param resolved the winners per key, replaced in place when raised
     * @param candidates every layer's setting per key, lowest first
     * @param warnings where to add warnings
     */
    public static void apply(Map<String, ResolvedValue> resolved,
            Map<String, List<Setting>> candidates, List<ConfigWarning> warnings) {
        for (String key : KEYS) {
            ResolvedValue winner = resolved.get(key);
            Setting floor = profileSetting(candidates.get(key));
            if (winner == null || floor == null || winner.layer() == Layer.APP_PROFILE) {
                continue;
            }
            long value = Long.parseLong(winner.value());
            long min = Long.parseLong(floor.value());
            if (value >= min) {
                continue;
            }
            // The warning's source names the undercutting value's file; the message names the
            // profile's, so the rendered warning names both.
            String below = key + "=" + winner.value() + " (" + winner.layer().id()
                    + ") is below the app profile's minimum " + floor.value() + " ("
                    + floor.provenance().location() + ")";
            if (winner.layer().isSavedFile()) {
                List<Setting> overridden = new ArrayList<>(winner.overridden());
                overridden.remove(floor);
                overridden.add(new Setting(key, winner.value(), winner.provenance()));
                resolved.put(key, new ResolvedValue(key, floor.value(), floor.provenance(),
                        overridden, "raised from " + winner.value() + " ("
                                + winner.layer().id() + " " + winner.provenance().location()
                                + ") to the app profile's minimum"));
                warnings.add(new ConfigWarning(key, below + "; raised to " + floor.value(),
                        winner.provenance().location()));
            } else {
                warnings.add(new ConfigWarning(key, below + "; kept, because " + winner.layer().id()
                        + " values are the user's direct intent", winner.provenance().location()));
            }
        }
    }

    private static Setting profileSetting(List<Setting> list) {
        if (list == null) {
            return null;
        }
        for (Setting s : list) {
            if (s.provenance().layer() == Layer.APP_PROFILE) {
                return s;
            }
        }
        return null;
    }
}
