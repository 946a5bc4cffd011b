package io.github.proxmoxlxc.cli;

import java.nio.file.Path;

/** Lets tests in other packages materialise a host fixture. */
public final class HostFixtureAccess {
    private HostFixtureAccess() {
    }

    /**
     * Builds a fixture tree.
     *
     * @param scenario the scenario directory name
     * @param into an empty directory
     * @return {@code into}
     */
    public static Path materialise(String scenario, Path into) {
        return HostFixture.materialise(scenario, into);
    }
}
