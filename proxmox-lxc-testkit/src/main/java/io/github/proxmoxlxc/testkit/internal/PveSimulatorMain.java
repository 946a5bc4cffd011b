package io.github.proxmoxlxc.testkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a simulator for scripts (e.g. the proxmoxer smoke test) and prints one JSON line with
 * {@code baseUrl}, {@code apiUrl}, {@code host}, {@code port}, {@code node}, {@code tokenId},
 * {@code tokenSecret}, {@code rootPassword}, {@code fingerprint} and {@code caFile}. Runs until stdin
 * is closed or the process is stopped. Options: {@code --config=<cluster description file>},
 * {@code --time-scale=<double>}, {@code --seed=<long>}, {@code --compression=<true|false>} (pveproxy's
 * {@code COMPRESSION}, default true).
 * Not public API; the CLI gets its own {@code simulator} command.
 */
public final class PveSimulatorMain {

    private PveSimulatorMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        PveSimulator.Builder b = PveSimulator.builder();
        for (String a : args) {
            if (a.startsWith("--config=")) {
                io.github.proxmoxlxc.testkit.ClusterDescription.parse(Path.of(a.substring("--config=".length())))
                        .applyTo(b);
            } else if (a.startsWith("--time-scale=")) {
                b.timeScale(Double.parseDouble(a.substring("--time-scale=".length())));
            } else if (a.startsWith("--seed=")) {
                b.seed(Long.parseLong(a.substring("--seed=".length())));
            } else if (a.equals("--compression=true") || a.equals("--compression=false")) {
                b.compression(a.endsWith("true"));
            } else {
                throw new IllegalArgumentException("unknown option '" + a
                        + "' (known: --config=, --time-scale=, --seed=, --compression=true|false)");
            }
        }
        try (PveSimulator sim = b.start()) {
            Path ca = Files.createTempFile("pve-simulator-ca-", ".pem");
            Files.writeString(ca, sim.caPem(), StandardCharsets.US_ASCII);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("baseUrl", sim.baseUrl());
            out.put("apiUrl", sim.apiUrl());
            out.put("host", "127.0.0.1");
            out.put("port", sim.port());
            out.put("node", sim.nodeNames().get(0));
            out.put("tokenId", sim.tokenId());
            out.put("tokenSecret", sim.tokenSecret());
            out.put("rootPassword", sim.rootPassword());
            out.put("fingerprint", sim.fingerprint());
            out.put("caFile", ca.toString());
            System.out.println(new ObjectMapper().writeValueAsString(out));
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until stdin closes
            }
            Files.deleteIfExists(ca);
        }
    }
}
