package io.github.proxmoxlxc.core.apps;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One way to install an app as the community-scripts website lists it: {@code default} (usually
 * Debian or Ubuntu) or {@code alpine}, with the website's resource figures for that method.
 *
 * <p>For the {@code default} method the figures build.func applies are the app's
 * {@link App#ctVarsAtHead()}, which may differ from these website figures;
 * {@link App#profile(String)} says which it uses.
 */
public final class InstallMethod {
    private final String type;
    private final String ctScript;
    private final int cpu;
    private final int ramMiB;
    private final int diskGiB;
    private final String os;
    private final String version;

    InstallMethod(String type, String ctScript, int cpu, int ramMiB, int diskGiB, String os,
            String version) {
        this.type = Objects.requireNonNull(type, "type");
        this.ctScript = ctScript;
        this.cpu = cpu;
        this.ramMiB = ramMiB;
        this.diskGiB = diskGiB;
        this.os = os;
        this.version = version;
    }

    /**
     * The method's name, the value of {@code --variant}.
     *
     * @return {@code default} or {@code alpine}
     */
    public String type() {
        return type;
    }

    /**
     * The container script of this method.
     *
     * @return e.g. {@code ct/alpine-adguard.sh}, or empty when the website names none
     */
    public Optional<String> ctScript() {
        return Optional.ofNullable(ctScript);
    }

    /**
     * The install script build.func runs inside the container for this method: its
     * {@code install/${NSAPP}-install.sh}, where {@code NSAPP} is the container script's name.
     *
     * @return e.g. {@code install/alpine-adguard-install.sh}, or empty without a container script
     */
    public Optional<String> installScript() {
        return nsapp().map(n -> "install/" + n + "-install.sh");
    }

    Optional<String> nsapp() {
        if (ctScript == null || !ctScript.endsWith(".sh")) {
            return Optional.empty();
        }
        String base = ctScript.substring(ctScript.lastIndexOf('/') + 1);
        return Optional.of(base.substring(0, base.length() - 3));
    }

    /**
     * The website's CPU cores.
     *
     * @return the cores, or empty when not listed
     */
    public OptionalInt cpu() {
        return cpu > 0 ? OptionalInt.of(cpu) : OptionalInt.empty();
    }

    /**
     * The website's memory in MiB.
     *
     * @return the memory, or empty when not listed
     */
    public OptionalInt ramMiB() {
        return ramMiB > 0 ? OptionalInt.of(ramMiB) : OptionalInt.empty();
    }

    /**
     * The website's root disk in GiB.
     *
     * @return the disk size, or empty when not listed
     */
    public OptionalInt diskGiB() {
        return diskGiB > 0 ? OptionalInt.of(diskGiB) : OptionalInt.empty();
    }

    /**
     * The OS ({@code var_os}).
     *
     * @return e.g. {@code debian}, {@code ubuntu} or {@code alpine}; empty when not listed
     */
    public Optional<String> os() {
        return Optional.ofNullable(os);
    }

    /**
     * The OS version ({@code var_version}).
     *
     * @return e.g. {@code 13}, {@code 24.04} or {@code 3.23}; empty when not listed
     */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    @Override
    public String toString() {
        return "InstallMethod[" + type + ", " + ctScript + ", " + cpu + " cpu, " + ramMiB + " MiB, "
                + diskGiB + " GiB, " + os + " " + version + "]";
    }
}
