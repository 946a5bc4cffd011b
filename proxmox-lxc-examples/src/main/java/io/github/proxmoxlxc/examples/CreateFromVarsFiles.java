package io.github.proxmoxlxc.examples;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.config.ConfigMapping;
import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates a container from build.func-compatible {@code .vars} files: a global
 * {@code default.vars}, the app's {@code <app>.vars}, environment {@code var_*} and an explicit
 * value, each with its provenance ({@code explain()}), on the simulator.
 *
 * <p>Usage: {@code CreateFromVarsFiles [default.vars [app.vars]]}; without arguments it writes two
 * small example files to a temporary directory.
 */
public final class CreateFromVarsFiles {
    private CreateFromVarsFiles() {
    }

    /**
     * Runs the example.
     *
     * @param args optional paths of {@code default.vars} and {@code <app>.vars}
     * @throws IOException if the example files cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("vars-example");
        Path defaults = args.length > 0 ? Path.of(args[0])
                : Files.writeString(dir.resolve("default.vars"), "var_cpu=2\nvar_ram=2048\nvar_brg=vmbr0\n");
        Path appVars = args.length > 1 ? Path.of(args[1])
                : Files.writeString(dir.resolve("jellyfin.vars"), "var_disk=16\nvar_tags=media;jellyfin\n");

        ResolvedConfig cfg = ConfigResolver.builder()
                .app("Jellyfin")
                .defaults(defaults)
                .appVars(appVars)
                .env(Map.of("var_ram", "4096"))          // System.getenv() in a real tool
                .set("var_keyctl", "0")                   // explicit: highest precedence
                .build()
                .resolve();
        System.out.println(cfg.explain());

        ConfigMapping mapping = ConfigMapping.of(cfg);
        ContainerSpec spec = mapping.build(mapping.specBuilder());
        String template = mapping.template().map(t -> t.searchPrefix() + "-standard").orElse("debian-12-standard");

        try (PveSimulator sim = PveSimulator.builder().start();
             ProxmoxClient pve = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                     .apiToken(sim.tokenId(), sim.tokenSecret())
                     .trust(Trust.fingerprints(sim.fingerprint())).build()) {
            ProvisionResult r = Provisioner.on(pve).provision(
                    ProvisionRequest.builder().spec(spec).template(template).build());
            System.out.println("created " + r.vmid() + " (" + r.hostname().orElse("?") + ") on " + r.node()
                    + ", " + sim.container(r.vmid()).orElseThrow().config().get("memory") + " MiB");
        }
    }
}
