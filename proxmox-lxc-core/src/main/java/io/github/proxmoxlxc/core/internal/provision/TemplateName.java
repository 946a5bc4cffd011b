package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.internal.VersionOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template as a request names it: an exact volume id ({@code local:vztmpl/<file>}), an exact file
 * name ({@code debian-12-standard_12.7-1_amd64.tar.zst}), or a reference
 * {@code <os>-<version>[-<flavour>]} ({@code debian-12-standard}, {@code ubuntu-24.04},
 * {@code alpine-3.22}) matched against file names as build.func does: prefix, flavour marker,
 * architecture suffix, highest version ({@code sort -V}) wins.
 *
 * @param volumeId the exact volume id, or null
 * @param fileName the exact file name, or null
 * @param os the OS of a reference, or null
 * @param version the version of a reference, or null
 * @param flavour the flavour of a reference ({@code standard}, {@code default}), or null for the OS default
 */
public record TemplateName(String volumeId, String fileName, String os, String version, String flavour) {
    private static final Pattern VOLUME = Pattern.compile("(?i)([a-z][a-z0-9\\-_.]*[a-z0-9]):vztmpl/([^/\\s]+)");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+\\-]*_[a-z0-9]+\\.(tar\\.zst|tar\\.xz|tar\\.gz)");
    private static final Pattern REF = Pattern.compile("([a-z][a-z0-9]*)-(\\d+(?:\\.\\d+)*)(?:-([a-z0-9]+))?");
    private static final Pattern SUFFIX = Pattern.compile("\\.(tar\\.zst|tar\\.xz|tar\\.gz)$");

    /**
     * Checks that a template text is one of the accepted forms.
     *
     * @param text the text
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static void check(String text) {
        parse(text);
    }

    /**
     * Parses a template text.
     *
     * @param text the text
     * @return the parsed name
     * @throws IllegalArgumentException when it is none of the accepted forms
     */
    public static TemplateName parse(String text) {
        Matcher v = VOLUME.matcher(text);
        if (v.matches()) {
            return new TemplateName(text, v.group(2), null, null, null);
        }
        if (FILE.matcher(text).matches()) {
            return new TemplateName(null, text, null, null, null);
        }
        Matcher r = REF.matcher(text);
        if (r.matches()) {
            return new TemplateName(null, null, r.group(1), r.group(2), r.group(3));
        }
        throw new IllegalArgumentException("template: '" + text + "' must be a reference <os>-<version>[-<flavour>]"
                + " such as debian-12-standard or ubuntu-24.04, a file name such as"
                + " debian-12-standard_12.7-1_amd64.tar.zst, or a volume id such as"
                + " local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
    }

    /**
     * Whether this is an exact volume id.
     *
     * @return true for {@code storage:vztmpl/file}
     */
    public boolean exactVolume() {
        return volumeId != null;
    }

    /**
     * The storage of an exact volume id.
     *
     * @return the storage, or empty
     */
    public Optional<String> volumeStorage() {
        return volumeId == null ? Optional.empty() : Optional.of(volumeId.substring(0, volumeId.indexOf(':')));
    }

    /**
     * Whether a template file fits this name.
     *
     * @param file the file name
     * @param arch the dpkg architecture, e.g. {@code amd64}
     * @return true when it fits
     */
    public boolean matches(String file, String arch) {
        if (fileName != null) {
            return file.equals(fileName);
        }
        String prefix = os + "-" + version;
        if (!file.startsWith(prefix) || file.length() == prefix.length()) {
            return false;
        }
        char next = file.charAt(prefix.length());
        if (next != '-' && next != '.' && next != '_') {
            return false;
        }
        Matcher m = SUFFIX.matcher(file);
        if (!m.find() || !file.substring(0, m.start()).endsWith("_" + arch)) {
            return false;
        }
        String f = flavour != null ? flavour
                : os.equals("debian") || os.equals("ubuntu") ? "standard" : "default";
        return file.contains("-" + f + "_");
    }

    /**
     * The newest fitting file.
     *
     * @param files file names
     * @param arch the dpkg architecture
     * @return the file with the highest version, or empty
     */
    public Optional<String> select(List<String> files, String arch) {
        return files.stream().filter(f -> matches(f, arch))
                .max(Comparator.comparing(f -> f.substring(f.indexOf('-') + 1), VersionOrder.COMPARATOR));
    }

    @Override
    public String toString() {
        if (volumeId != null) {
            return volumeId;
        }
        if (fileName != null) {
            return fileName;
        }
        return os + "-" + version + (flavour == null ? "" : "-" + flavour.toLowerCase(Locale.ROOT));
    }
}
