package io.github.proxmoxlxc.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.proxmoxlxc.core.client.ClusterResource;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.PveVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request overhead of {@link ProxmoxClient} (auth header, bulkhead, retry layer, error mapping,
 * lenient decoding into records) against plain OkHttp + Jackson doing the same GET against the same
 * loopback server (JDK {@code HttpServer}, plain HTTP so TLS cost does not hide the difference).
 *
 * <p>Run: {@code mvn -B -Pbench package -DskipTests -pl bench -am && java -jar bench/target/benchmarks.jar
 * ClientOverhead -f 1 -wi 3 -i 5}. Compare {@code ours*} with {@code plain*} of the same payload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ClientOverheadBenchmark {
    private static final String TOKEN_ID = "bench@pve!jmh";
    private static final String SECRET = "5b1c7a0e-0000-4000-8000-000000000000";
    private static final byte[] VERSION = ("{\"data\":{\"version\":\"9.1.2\",\"release\":\"9.1\","
            + "\"repoid\":\"14a22df35955d97d\"}}").getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService serverThreads;
    private ProxmoxClient ours;
    private OkHttpClient plain;
    private JsonMapper mapper;
    private Request versionRequest;
    private Request resourcesRequest;

    /** Starts the server and both clients. */
    @Setup
    public void setUp() throws IOException {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs
        // and every request costs ~40 ms, hiding any client overhead
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] resources = resources(100);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/api2/json/version", ex -> reply(ex, VERSION));
        server.createContext("/api2/json/cluster/resources", ex -> reply(ex, resources));
        serverThreads = Executors.newFixedThreadPool(2);
        server.setExecutor(serverThreads);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        ours = ProxmoxClient.builder().baseUrl(base).allowPlaintextHttp().apiToken(TOKEN_ID, SECRET).build();
        plain = new OkHttpClient.Builder().protocols(List.of(Protocol.HTTP_1_1)).retryOnConnectionFailure(false)
                .build();
        mapper = JsonMapper.builder().build();
        String auth = "PVEAPIToken=" + TOKEN_ID + "=" + SECRET;
        versionRequest = new Request.Builder().url(base + "/api2/json/version").header("Authorization", auth)
                .header("Accept", "application/json").build();
        resourcesRequest = new Request.Builder().url(base + "/api2/json/cluster/resources")
                .header("Authorization", auth).header("Accept", "application/json").build();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] resources(int n) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":\"lxc/").append(100 + i).append("\",\"type\":\"lxc\",\"node\":\"pve1\",\"vmid\":")
                    .append(100 + i).append(",\"name\":\"ct").append(i).append("\",\"status\":\"running\",")
                    .append("\"maxmem\":2147483648,\"mem\":\"268435456\",\"cpu\":0.0123,\"maxcpu\":2,")
                    .append("\"disk\":1234567,\"maxdisk\":17179869184,\"uptime\":86400,\"template\":0,")
                    .append("\"tags\":\"a;b\",\"netin\":1,\"netout\":2}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Stops both clients and the server. */
    @TearDown
    public void tearDown() {
        ours.close();
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /**
     * GET /version through our client.
     *
     * @return the decoded version
     */
    @Benchmark
    public PveVersion oursVersion() {
        return ours.version();
    }

    /**
     * GET /version with plain OkHttp and a Jackson tree, decoded into a value with the same fields
     * (the client's {@link PveVersion} has no public constructor).
     *
     * @return the decoded version
     * @throws IOException on I/O failure
     */
    @Benchmark
    public PlainVersion plainVersion() throws IOException {
        try (Response r = plain.newCall(versionRequest).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException("status " + r.code());
            }
            JsonNode d = mapper.readTree(r.body().string()).path("data");
            return new PlainVersion(d.path("version").asText(), d.path("release").asText(), d.path("repoid").asText());
        }
    }

    /**
     * GET /cluster/resources (100 containers) through our client.
     *
     * @return the decoded resources
     */
    @Benchmark
    public List<ClusterResource> oursResources() {
        return ours.cluster().resources();
    }

    /**
     * GET /cluster/resources (100 containers) with plain OkHttp and Jackson, decoded into a value with
     * the same fields ({@link ClusterResource} has no public constructor since 0.2).
     *
     * @return the decoded resources
     * @throws IOException on I/O failure
     */
    @Benchmark
    public List<PlainResource> plainResources() throws IOException {
        try (Response r = plain.newCall(resourcesRequest).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException("status " + r.code());
            }
            List<PlainResource> out = new ArrayList<>();
            for (JsonNode n : mapper.readTree(r.body().string()).path("data")) {
                out.add(new PlainResource(n.path("id").asText(), n.path("type").asText(), n.path("node").asText(),
                        n.path("vmid").asInt(), n.path("name").asText(), n.path("status").asText(), null,
                        null, n.path("template").asInt() != 0, null, n.path("tags").asText(),
                        n.path("cpu").asDouble(), n.path("maxcpu").asInt(), n.path("mem").asLong(),
                        n.path("maxmem").asLong(), n.path("disk").asLong(), n.path("maxdisk").asLong(),
                        n.path("uptime").asLong(), null, null, false));
            }
            return out;
        }
    }

    /**
     * The fields of {@link ClusterResource}, for the plain OkHttp + Jackson side of the comparison.
     *
     * @param id the resource id
     * @param type the type
     * @param node the node
     * @param vmid the VMID
     * @param name the name
     * @param status the status
     * @param storage the storage
     * @param lock the lock
     * @param template whether a template
     * @param pool the pool
     * @param tags the tags
     * @param cpu CPU usage
     * @param maxCpu CPUs
     * @param mem memory used
     * @param maxMem memory size
     * @param disk disk used
     * @param maxDisk disk size
     * @param uptime uptime in seconds
     * @param content storage content
     * @param pluginType storage plugin
     * @param shared whether shared
     */
    public record PlainResource(String id, String type, String node, Integer vmid, String name, String status,
                                String storage, String lock, boolean template, String pool, String tags, double cpu,
                                int maxCpu, long mem, long maxMem, long disk, long maxDisk, long uptime,
                                String content, String pluginType, boolean shared) {
    }

    /**
     * {@code GET /version} as decoded by the plain OkHttp + Jackson baseline.
     *
     * @param version the pve-manager version
     * @param release the release
     * @param repoId the source commit id
     */
    public record PlainVersion(String version, String release, String repoId) {
    }
}
