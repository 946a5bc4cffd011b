package io.github.proxmoxlxc.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.core.Options;
import io.github.proxmoxlxc.testkit.internal.http.FaultEngine;
import io.github.proxmoxlxc.testkit.internal.http.HeaderScrubber;
import io.github.proxmoxlxc.testkit.internal.http.HandlerSettings;
import io.github.proxmoxlxc.testkit.internal.http.PveHandler;
import io.github.proxmoxlxc.testkit.internal.http.GatedJettyServerFactory;
import io.github.proxmoxlxc.testkit.internal.http.PveTransformer;
import io.github.proxmoxlxc.testkit.internal.model.Acl;
import io.github.proxmoxlxc.testkit.internal.model.PveModel;
import io.github.proxmoxlxc.testkit.internal.schema.ApiSchema;
import io.github.proxmoxlxc.testkit.internal.tls.TlsMaterial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An in-process Proxmox VE API server for tests: HTTPS on a free loopback port, a generated
 * certificate, an API token and a root@pam password, and a stateful model of nodes, storages,
 * templates, containers and tasks behind the real wire format.
 *
 * <pre>{@code
 * try (PveSimulator sim = PveSimulator.builder().timeScale(0.001).build().start()) {
 *     String url = sim.baseUrl();                  // https://127.0.0.1:PORT
 *     String auth = sim.authorizationHeader();     // PVEAPIToken=root@pam!testkit=<uuid>
 *     String pin = sim.fingerprint();              // AB:CD:... (SHA-256 of the leaf)
 *     // ... drive your client ...
 *     assertThat(sim.locks()).isEmpty();
 *     assertThat(sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>The simulator is thread-safe. Tasks make progress on a monotonic clock scaled by
 * {@link Builder#timeScale(double)}; their outcome is fixed when they start, and state changes
 * are applied in the order the tasks end, so runs are reproducible for a given
 * {@link Builder#seed(long)}.
 */
public final class PveSimulator implements AutoCloseable {

    /** Templates offered by {@code aplinfo} unless configured otherwise. */
    public static final List<String> DEFAULT_APLINFO = List.of("debian-12-standard_12.7-1_amd64.tar.zst",
            "debian-13-standard_13.1-2_amd64.tar.zst", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst",
            "alpine-3.22-default_20250617_amd64.tar.xz");
    /** Every privilege of Proxmox VE 9, what the API token holds on {@code /} by default. */
    public static final Set<String> ALL_PRIVILEGES = Acl.ALL_PRIVILEGES;
    /** The template already downloaded to {@code local} on every node unless configured otherwise. */
    public static final String DEFAULT_STORED_TEMPLATE = "debian-12-standard_12.7-1_amd64.tar.zst";

    private final SimulatorConfig config;
    private final PveModel model;
    private final FaultEngine faults = new FaultEngine();
    private TlsMaterial tls;
    private WireMockServer server;
    private PveHandler handler;

    PveSimulator(SimulatorConfig config) {
        this.config = config;
        this.model = config.buildModel();
    }

    /**
     * A builder with the defaults: one node {@code pve1}, storages {@code local} and {@code local-lvm},
     * a random token secret and root@pam password, time scale 0.001 (see {@link Builder} for all of them).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a simulator with all defaults on a free loopback port; short for
     * {@code builder().start()}. Close it when done.
     *
     * @return the started simulator
     */
    public static PveSimulator startDefault() {
        return builder().start();
    }

    /**
     * Starts the HTTPS server: generates a cluster CA and a node certificate for the first node (as
     * {@code pve-ssl.pem} is), binds {@code 127.0.0.1} on the configured port and begins answering
     * under {@code /api2/json}.
     *
     * @return this simulator
     * @throws IllegalStateException if it was started before
     */
    public synchronized PveSimulator start() {
        if (server != null) {
            throw new IllegalStateException("simulator already started");
        }
        ApiSchema.load();
        tls = TlsMaterial.generate(model.nodeNames().get(0));
        handler = new PveHandler(model, new HandlerSettings(config.tokenId, config.tokenSecret, config.rootPassword,
                config.authFailureDelay.toMillis(), config.legacyErrors, tls.fingerprint(), config.clusterName,
                config.templateSize), faults, Clock.systemUTC());
        WireMockConfiguration options = WireMockConfiguration.options()
                .httpDisabled(true)
                .httpsPort(config.port)
                .bindAddress("127.0.0.1")
                .http2TlsDisabled(true)
                .http2PlainDisabled(true)
                .keystorePath(tls.keystore().toString())
                .keystorePassword(tls.password())
                .keyManagerPassword(tls.password())
                .keystoreType("PKCS12")
                .containerThreads(config.serverThreads)
                .jettyIdleTimeout(GatedJettyServerFactory.IDLE_TIMEOUT_MILLIS)
                .asynchronousResponseEnabled(config.asyncResponses)
                .gzipDisabled(true)
                .stubCorsEnabled(false)
                .extensionScanningEnabled(false)
                .notifier(new Slf4jNotifier(false))
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .stubRequestLoggingDisabled(true)
                .extensions(new PveTransformer(handler, config.compression), new HeaderScrubber())
                // no admin API, and credentials checked before a body is read
                .httpServerFactory(new GatedJettyServerFactory(handler));
        if (config.requestJournal) {
            options.maxRequestJournalEntries(config.journalEntries);
        } else {
            options.disableRequestJournal();
        }
        server = new WireMockServer(options);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        try {
            server.start();
        } catch (RuntimeException e) {
            tls.delete();
            throw e;
        }
        return this;
    }

    /** The model, for the node simulator in this package. */
    PveModel model() {
        return model;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("simulator not started; call start() first");
        }
    }

    /**
     * {@return the base URL without path, e.g. {@code https://127.0.0.1:43123}} It stands where a
     * real node's {@code https://<node>:8006} would; the API is under {@code /api2/json}.
     *
     * @throws IllegalStateException if the simulator is not started
     */
    public String baseUrl() {
        requireStarted();
        return "https://127.0.0.1:" + server.httpsPort();
    }

    /**
     * {@return the API root, {@code baseUrl() + "/api2/json"}}
     *
     * @throws IllegalStateException if the simulator is not started
     */
    public String apiUrl() {
        return baseUrl() + "/api2/json";
    }

    /**
     * {@return the HTTPS port on {@code 127.0.0.1}} It stands for pveproxy's port 8006; with the
     * default {@link Builder#port(int) port 0} a free port chosen at start.
     *
     * @throws IllegalStateException if the simulator is not started
     */
    public int port() {
        requireStarted();
        return server.httpsPort();
    }

    /**
     * {@return the SHA-256 fingerprint of the served certificate, colon-separated upper-case hex}
     * The form {@code pvenode cert info} prints and clients pin; the certificate is new at every start.
     *
     * @throws IllegalStateException if the simulator is not started
     */
    public String fingerprint() {
        requireStarted();
        return tls.fingerprint();
    }

    /**
     * {@return the cluster CA that signed the served certificate, as PEM} The counterpart of a node's
     * {@code /etc/pve/pve-root-ca.pem}: a trust anchor for clients that verify instead of pinning.
     *
     * @throws IllegalStateException if the simulator is not started
     */
    public String caPem() {
        requireStarted();
        return tls.caPem();
    }

    /**
     * {@return the primary API token id, {@code user@realm!name}} Default {@code root@pam!testkit};
     * its privileges are {@link #tokenPrivileges()}.
     */
    public String tokenId() {
        return config.tokenId;
    }

    /** {@return the primary API token's secret (a random UUID unless {@link Builder#tokenSecret(String)} set one)} */
    public String tokenSecret() {
        return config.tokenSecret;
    }

    /**
     * {@return the {@code Authorization} header value for the primary token,
     * {@code PVEAPIToken=<tokenId>=<secret>}} as pveproxy expects it.
     */
    public String authorizationHeader() {
        return "PVEAPIToken=" + config.tokenId + "=" + config.tokenSecret;
    }

    /**
     * {@return the root@pam password} With it, {@code POST /access/ticket} answers a ticket and CSRF
     * token as on a real node; root@pam holds every privilege. Random unless
     * {@link Builder#rootPassword(String)} set one.
     */
    public String rootPassword() {
        return config.rootPassword;
    }

    /**
     * The factor applied to every task duration ({@link Builder#timeScale(double)}; default 0.001).
     *
     * @return the time scale, 0 or more
     */
    public double timeScale() {
        return config.timeScale;
    }

    /**
     * How long a task of a worker type takes on this simulator: its nominal duration (default or
     * {@link Builder#taskDuration(String, Duration)}; 1 s for a type without one) times the time
     * scale. Tests derive their deadlines from it, so they hold at any time scale.
     *
     * @param type a worker type such as {@code vzcreate}, {@code vzstart} or {@code download}
     * @return the scaled duration
     */
    public Duration taskDuration(String type) {
        Duration nominal = config.durations.getOrDefault(type, Duration.ofSeconds(1));
        return Duration.ofNanos((long) (nominal.toNanos() * config.timeScale));
    }

    /**
     * {@return the node names in the order they were added} The first one is the node the served
     * certificate was issued for (its {@code CN} and a SAN), the node a client talks to.
     */
    public List<String> nodeNames() {
        return model.nodeNames();
    }

    // ------------------------------------------------------------------ inspection

    /**
     * {@return snapshots of all containers on every node, ascending by vmid} Tasks whose time is up
     * are completed first, so a create that has ended shows its container. A container exists from the
     * moment its create is accepted (locked {@code create}) until its destroy task ends.
     */
    public List<ContainerState> containers() {
        return model.containerStates();
    }

    /**
     * A snapshot of one container, on whichever node it is (tasks whose time is up are completed first).
     *
     * @param vmid the container id
     * @return the container, or empty if there is none with this id
     */
    public Optional<ContainerState> container(int vmid) {
        return containers().stream().filter(c -> c.vmid() == vmid).findFirst();
    }

    /**
     * The text of a container's {@code /etc/pve/lxc/<vmid>.conf} as pct writes it: options, raw
     * {@code lxc.*} lines, and one {@code [name]} section per snapshot.
     *
     * @param vmid the container id
     * @return the file text, or empty if there is no such container
     */
    public Optional<String> configFile(int vmid) {
        return model.configFile(vmid);
    }

    /**
     * Puts an existing backup of a container into a storage's {@code backup} content, named as
     * vzdump names it ({@code vzdump-lxc-<vmid>-<time>.tar.zst}); for tests of listing, pruning and
     * restoring. The container's present config (or a small default) is what a restore brings back.
     *
     * @param node the node
     * @param storage a storage of that node
     * @param vmid the container the backup belongs to
     * @param takenAt the backup time (second precision; names and prune buckets use UTC)
     * @param protect whether the backup is protected from removal and pruning
     * @return the backup's volume id
     * @throws IllegalArgumentException naming the unknown node or storage and the known ones
     */
    public String addBackup(String node, String storage, int vmid, java.time.Instant takenAt, boolean protect) {
        requireStorage(node, storage);
        return model.backups().addBackup(node, storage, vmid, takenAt.getEpochSecond(), protect, null);
    }

    /**
     * {@return snapshots of every worker task since start on every node, running and stopped, oldest
     * first} Tasks whose time is up are completed first, and a running task's log holds the lines
     * written so far.
     */
    public List<TaskState> tasks() {
        return model.taskStates();
    }

    /**
     * {@return the config locks ({@code lock:} line of the container config) by vmid, ascending;
     * empty when no container is locked} Tasks whose time is up are completed first, so after
     * {@link #awaitIdle(Duration)} an empty map means no operation left a container locked.
     */
    public Map<Integer, String> locks() {
        return model.locks();
    }

    /**
     * Requests seen for an endpoint since start (or the last reset). A request counts once it passed
     * the checks made before its body is read: one refused there for bad credentials, an oversized
     * body or a method other than GET, POST, PUT and DELETE ({@code 501 method 'HEAD' not available})
     * is not counted; one that got a fault is.
     *
     * @param endpoint {@code "METHOD /template"} as the schema names it, e.g. {@code "POST /nodes/{node}/lxc"}
     * @return the count, 0 for an endpoint never called
     * @throws IllegalStateException if the simulator is not started
     */
    public long requestCount(String endpoint) {
        requireStarted();
        return handler.requestCounts().getOrDefault(endpoint, 0L);
    }

    /**
     * {@return the requests per endpoint key since start (or the last reset), sorted by key; a copy}
     * Keys are as in {@link #requestCount(String)}; a path the schema does not know (answered
     * {@code 501}) is counted as {@code "METHOD /raw/path"}.
     *
     * @throws IllegalStateException if the simulator is not started
     */
    public Map<String, Long> requestCounts() {
        requireStarted();
        return handler.requestCounts();
    }

    /**
     * Sets the request counts back to zero, e.g. after the set-up part of a test.
     *
     * @throws IllegalStateException if the simulator is not started
     */
    public void resetRequestCounts() {
        requireStarted();
        handler.resetCounts();
    }

    /**
     * Used bytes of a storage on a node, as {@code GET /nodes/{node}/storage/{storage}/status} reports
     * them in {@code used}: the sizes of the simulated volumes (disks, templates, backups) plus the
     * configured {@link StorageDefinition#usedBytes()}. A shared storage reports the same on every node.
     * Tasks whose time is up are completed first.
     *
     * @param node the node name
     * @param storage the storage id
     * @return the used bytes
     * @throws IllegalArgumentException naming the unknown node or storage and the known ones
     */
    public long storageUsedBytes(String node, String storage) {
        requireStorage(node, storage);
        return model.storageUsage(node, storage)[0];
    }

    /**
     * The volume ids in a storage on a node, as {@code GET /nodes/{node}/storage/{storage}/content}
     * lists them, e.g. {@code local-lvm:vm-100-disk-0} or
     * {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}. Tasks whose time is up are
     * completed first.
     *
     * @param node the node name
     * @param storage the storage id
     * @return the volume ids in the order they were created
     * @throws IllegalArgumentException naming the unknown node or storage and the known ones
     */
    public List<String> volumes(String node, String storage) {
        requireStorage(node, storage);
        return model.volumes(node, storage);
    }

    /** Nodes and storages are fixed when the simulator is built, so a check before the model call holds. */
    private void requireStorage(String node, String storage) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(storage, "storage");
        List<String> nodes = model.nodeNames();
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException("unknown node '" + node + "' (known: " + String.join(", ", nodes) + ")");
        }
        List<String> ids = model.storageIds(node);
        if (!ids.contains(storage)) {
            throw new IllegalArgumentException("unknown storage '" + storage + "' on node '" + node + "' (known: "
                    + String.join(", ", ids) + ")");
        }
    }

    /**
     * Waits until no task is running, checking every few milliseconds. The timeout is real time,
     * while tasks take their {@linkplain #taskDuration(String) scaled} durations.
     *
     * @param timeout how long to wait at most
     * @return true if idle, false if the timeout passed first or the thread was interrupted (its
     *     interrupt flag is then set again)
     */
    public boolean awaitIdle(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (tasks().stream().anyMatch(TaskState::running)) {
            if (Instant.now().isAfter(end)) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ control

    /**
     * Injects a fault into every matching request until {@link #clearFaults()}. Faults act after
     * authentication (a request with bad credentials gets its {@code 401}, not the fault); rules are
     * tried in the order they were added and the first that matches applies.
     *
     * <p>{@code "*"} matches every API request, the ticket login {@code POST /access/ticket} included:
     * a client that logs in with a password gets the fault on its login too (the login has no
     * credentials to check first, so it gets the fault whatever password it sends). To keep the login
     * out, log in before adding the rule, authenticate with the API token ({@link #authorizationHeader()},
     * no login call), or name the endpoints the fault is for instead of {@code "*"}.
     *
     * @param endpoint {@code "METHOD /template"} from the schema, or {@code "*"} for any request (the
     *     login included)
     * @param fault what happens to the matching requests
     * @throws IllegalArgumentException if the endpoint is not in the schema subset
     */
    public void injectFault(String endpoint, Fault fault) {
        injectFault(endpoint, 0, fault);
    }

    /**
     * Injects a fault into the next {@code times} matching requests ({@code times <= 0}: all of them,
     * until {@link #clearFaults()}). As in {@link #injectFault(String, Fault)}, faults act after
     * authentication and the first matching rule in the order they were added applies; a rule is
     * dropped once it has been used {@code times} times. {@code "*"} includes the ticket login
     * {@code POST /access/ticket}, which then uses up one of the {@code times}; see
     * {@link #injectFault(String, Fault)} for how to keep the login out.
     *
     * @param endpoint {@code "METHOD /template"} from the schema, or {@code "*"} for any request (the
     *     login included)
     * @param times how many matching requests get the fault; 0 or less for every one
     * @param fault what happens to the matching requests
     * @throws IllegalArgumentException if the endpoint is not in the schema subset
     */
    public void injectFault(String endpoint, int times, Fault fault) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fault, "fault");
        if (!endpoint.equals("*") && ApiSchema.load().endpoint(endpoint).isEmpty()) {
            throw new IllegalArgumentException("endpoint '" + endpoint
                    + "' is not in the schema subset; use \"METHOD /template\" such as \"POST /nodes/{node}/lxc\" or \"*\"");
        }
        faults.add(endpoint, times, fault);
    }

    /**
     * Gives each request that no {@link #injectFault injected} rule matches a random fault with this
     * probability, drawn reproducibly from {@code seed} (for the same sequence of requests). The fault
     * is one of {@link Fault#connectionReset()}, {@link Fault#proxyTimeout()} (the request is handled),
     * {@link Fault#proxyConnectFailed()}, a {@link Fault#delay(Duration) delay} of 1 to 50 ms and
     * {@link Fault#lockHeld()}, with equal chances. For chaos tests of a client's retry logic; replaces
     * an earlier random setting, {@link #clearFaults()} stops it. Like a {@code "*"} rule, random faults
     * reach every API request, the ticket login {@code POST /access/ticket} included.
     *
     * @param seed the seed of the random draws
     * @param probability the chance per request, 0..1
     * @throws IllegalArgumentException if the probability is not within 0..1
     */
    public void randomFaults(long seed, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
        faults.random(seed, probability);
    }

    /** Removes all injected faults and stops random faults. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Replaces the API token's ACL while running, like {@code pveum acl modify}; the next request
     * sees it. Same rules as {@link Builder#tokenPrivileges(Map)}.
     *
     * @param privilegesByPath ACL path ({@code /}, {@code /vms/100}, {@code /storage/local}) to privileges
     * @throws IllegalArgumentException naming the path or privilege if one is malformed or unknown
     */
    public void setTokenPrivileges(Map<String, ? extends Set<String>> privilegesByPath) {
        Objects.requireNonNull(privilegesByPath, "privilegesByPath");
        model.acl().setTokenAcl(privilegesByPath);
    }

    /**
     * {@return the primary API token's current ACL: path to privileges (immutable, sorted by path)}
     * As set by {@link Builder#tokenPrivileges(Map)} or {@link #setTokenPrivileges(Map)}; by default
     * every privilege on {@code /}.
     */
    public Map<String, Set<String>> tokenPrivileges() {
        return model.acl().tokenAcl();
    }

    /**
     * Sets a container's config lock (the {@code lock:} line), as a job on the node would, e.g. a
     * vzdump run ({@code backup}) or a migration ({@code migrate}). Calls that check the lock then
     * fail as on a real node, with {@code CT is locked (<lock>)}.
     *
     * @param vmid the container id
     * @param lock the lock name, e.g. {@code backup}, {@code create}, {@code migrate}, {@code snapshot}
     * @throws IllegalArgumentException if there is no such container
     */
    public void setLock(int vmid, String lock) {
        model.setLock(vmid, Objects.requireNonNull(lock, "lock"));
    }

    /**
     * Removes a container's config lock, like {@code pct unlock}; nothing happens if it has none.
     *
     * @param vmid the container id
     * @throws IllegalArgumentException if there is no such container
     */
    public void clearLock(int vmid) {
        model.setLock(vmid, null);
    }

    /**
     * Appends a raw {@code lxc.*} line to a container's config, as editing
     * {@code /etc/pve/lxc/<vmid>.conf} on the node would (the API cannot set these). It then shows in
     * {@code GET .../config}, in {@link #configFile(int)} and in {@link ContainerState#rawLxc()}.
     *
     * @param vmid the container id
     * @param key the key, starting with {@code lxc.}, e.g. {@code lxc.cgroup2.devices.allow}
     * @param value the value, e.g. {@code c 226:128 rwm}
     * @throws IllegalArgumentException if there is no such container or the key does not start with {@code lxc.}
     */
    public void addRawLxc(int vmid, String key, String value) {
        model.addRawLxc(vmid, key, value);
    }

    /** Stops the server and removes the generated keystore. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (tls != null) {
            tls.delete();
        }
    }

    @Override
    public String toString() {
        return "PveSimulator[" + (server == null ? "stopped" : baseUrl()) + ", token " + config.tokenId + "]";
    }

    /**
     * Builder of {@link PveSimulator}. Without {@code addNode}, one node {@code pve1} (4 CPUs, 16 GiB)
     * is used; without {@code addStorage}, each node gets {@code local} (dir: iso, vztmpl, backup,
     * 100 GiB) and {@code local-lvm} (lvmthin: rootdir, images, 200 GiB); without
     * {@code addAplinfoTemplate}, {@link #DEFAULT_APLINFO}; without {@code addStoredTemplate},
     * {@link #DEFAULT_STORED_TEMPLATE} in every node's {@code local}.
     */
    public static final class Builder {
        final SimulatorConfig c = new SimulatorConfig();

        private Builder() {
        }

        /**
         * Adds a cluster node. The first node added is the one the certificate is issued for; once
         * any node is added, the default {@code pve1} is not. Nodes answer in the order added
         * ({@code GET /nodes}, {@code /cluster/resources}); CPUs and memory are what
         * {@code GET /nodes/{node}/status} reports as {@code cpuinfo.cpus} and {@code memory.total}.
         *
         * @param name the node name, pve-node format ({@code [a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?})
         * @param cpus the CPU count, at least 1
         * @param memoryBytes the memory in bytes, more than 0
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or added twice, or a number is out of range
         */
        public Builder addNode(String name, int cpus, long memoryBytes) {
            c.addNode(name, cpus, memoryBytes);
            return this;
        }

        /**
         * Adds a storage to a node, as an entry of {@code /etc/pve/storage.cfg} restricted to that
         * node. A {@link StorageDefinition#shared() shared} storage appears on every node with one
         * pool of space (pass any node name). Once any storage is added, the default {@code local}
         * and {@code local-lvm} are not created, nor is the default stored template put anywhere.
         *
         * @param node the node, added with {@link #addNode} (or the default {@code pve1}); checked by
         *     {@link #build()}
         * @param storage the storage
         * @return this builder
         */
        public Builder addStorage(String node, StorageDefinition storage) {
            c.addStorage(node, storage);
            return this;
        }

        /**
         * Adds a template to the appliance catalogue that {@code GET /nodes/{node}/aplinfo} lists and
         * {@code POST /nodes/{node}/aplinfo} downloads. Once any is added, {@link #DEFAULT_APLINFO} is
         * not offered.
         *
         * @param templateFile the file name, e.g. {@code debian-12-standard_12.7-1_amd64.tar.zst}
         *     ({@code .tar}, optionally compressed with zst, gz, xz or bz2)
         * @return this builder
         * @throws IllegalArgumentException if the name is not a template file name
         */
        public Builder addAplinfoTemplate(String templateFile) {
            c.addAplinfo(templateFile);
            return this;
        }

        /**
         * Puts an already downloaded template into a node's storage, as volume
         * {@code <storage>:vztmpl/<templateFile>} of {@link #templateSizeBytes(long)} bytes, usable as
         * {@code ostemplate} at once. Once any is added, {@link #DEFAULT_STORED_TEMPLATE} is not stored.
         *
         * @param node the node
         * @param storage a storage of that node; checked by {@link #build()}
         * @param templateFile the file name, e.g. {@code debian-12-standard_12.7-1_amd64.tar.zst}
         * @return this builder
         * @throws IllegalArgumentException if the name is not a template file name
         */
        public Builder addStoredTemplate(String node, String storage, String templateFile) {
            c.addStored(node, storage, templateFile);
            return this;
        }

        /**
         * The primary API token's id (default {@code root@pam!testkit}), the token
         * {@link PveSimulator#authorizationHeader()} uses and {@link #tokenPrivileges(Map)} configures.
         *
         * @param tokenId {@code user@realm!name}
         * @return this builder
         * @throws IllegalArgumentException if it does not look like {@code user@realm!name}
         */
        public Builder tokenId(String tokenId) {
            c.tokenId(tokenId);
            return this;
        }

        /**
         * The primary API token's secret (default: a random UUID, as Proxmox generates them). A fixed
         * secret is for golden files and for clients configured outside the test.
         *
         * @param secret the secret, not blank
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder tokenSecret(String secret) {
            c.tokenSecret = requireText(secret, "tokenSecret");
            return this;
        }

        /**
         * The root@pam password for {@code POST /access/ticket} (default: 24 random hex digits).
         *
         * @param password at least 5 characters, as {@code pveum passwd} requires
         * @return this builder
         * @throws IllegalArgumentException if it is shorter
         */
        public Builder rootPassword(String password) {
            c.rootPassword(password);
            return this;
        }

        /**
         * The wall clock for task start times, tickets, backup names and rrddata (default system UTC);
         * a fixed clock makes rrddata and time stamps repeatable for golden files. Task progress keeps
         * the monotonic clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(java.time.Clock clock) {
            c.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Seed of the simulator's random choices (default 1): task pids (and so UPIDs), generated MAC
         * addresses ({@code BC:24:11:...}) and the IPv4 addresses containers get when they start.
         * Equal seeds and equal request sequences give equal runs.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            c.seed = seed;
            return this;
        }

        /**
         * Factor applied to every task duration (default 0.001: a 30 s create takes 30 ms).
         * 1.0 is real time; 0 completes every task at the next request.
         *
         * @param scale a finite number, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if it is negative, infinite or NaN
         */
        public Builder timeScale(double scale) {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("timeScale must be a finite number >= 0: " + scale);
            }
            c.timeScale = scale;
            return this;
        }

        /**
         * Nominal (unscaled) duration of a worker type such as {@code vzcreate}, {@code vzstart},
         * {@code vzstop}, {@code vzshutdown}, {@code vzreboot}, {@code vzdestroy}, {@code download}.
         * Defaults: {@code vzcreate} 30 s, {@code download} 20 s, {@code vzreboot} 5 s,
         * {@code vzshutdown} 4 s, {@code vzstart} and {@code vzdestroy} 2 s, {@code vzstop} and any
         * other type 1 s. The {@link #timeScale(double) time scale} applies on top.
         *
         * @param type the worker type, as in the task's UPID
         * @param duration the nominal duration, not negative
         * @return this builder
         * @throws IllegalArgumentException if the duration is negative
         */
        public Builder taskDuration(String type, Duration duration) {
            c.taskDuration(type, duration);
            return this;
        }

        /**
         * Delay of {@code 401} answers to bad credentials (default: 3 s times the
         * {@link #timeScale(double) time scale} set when {@link #build()} runs; pveproxy waits 3 s).
         * Real time, not scaled.
         *
         * @param delay the delay, not negative
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder authFailureDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("authFailureDelay must not be negative: " + delay);
            }
            c.authFailureDelay = delay;
            return this;
        }

        /**
         * Old-server error format (PVE before 8.3): error text only in the reason phrase, body
         * {@code {"data":null}} (plus {@code errors}) without {@code message}. Default false.
         *
         * @param legacy whether errors are answered in the old format
         * @return this builder
         */
        public Builder legacyErrors(boolean legacy) {
            c.legacyErrors = legacy;
            return this;
        }

        /**
         * The cluster name (default {@code testkit}), as {@code POST /access/ticket} reports it in
         * {@code clustername} and {@code GET /cluster/status} in its {@code cluster} entry.
         *
         * @param name the name, not blank
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder clusterName(String name) {
            c.clusterName = requireText(name, "clusterName");
            return this;
        }

        /**
         * Bytes a template occupies in its storage (default 128 MiB), for templates downloaded through
         * {@code POST /nodes/{node}/aplinfo} and for stored ones; counts in the storage's used space.
         *
         * @param bytes the size, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder templateSizeBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("templateSizeBytes must be >= 0: " + bytes);
            }
            c.templateSize = bytes;
            return this;
        }

        /**
         * Keeps WireMock's request journal with at most this many entries (default: off, it costs
         * throughput). A debugging aid for the simulator itself; tests count requests with
         * {@link PveSimulator#requestCount(String)}, which works without it.
         *
         * @param maxEntries at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is less than 1
         */
        public Builder requestJournal(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("requestJournal maxEntries must be >= 1: " + maxEntries);
            }
            c.requestJournal = true;
            c.journalEntries = maxEntries;
            return this;
        }

        /**
         * The loopback port to listen on (default 0: a free port, see {@link PveSimulator#port()}).
         *
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            c.port = port;
            return this;
        }

        /**
         * Jetty worker threads of the HTTPS server (default 16); more only for load tests with many
         * concurrent connections.
         *
         * @param threads at least 4
         * @return this builder
         * @throws IllegalArgumentException if it is less than 4
         */
        public Builder serverThreads(int threads) {
            if (threads < 4) {
                throw new IllegalArgumentException("serverThreads must be >= 4: " + threads);
            }
            c.serverThreads = threads;
            return this;
        }

        /**
         * Whether answers are compressed as pveproxy compresses them (default true, as pveproxy's
         * {@code COMPRESSION} setting in {@code /etc/default/pveproxy} defaults to on): a body of more
         * than 1024 bytes is sent with {@code Content-Encoding: gzip} if the request's
         * {@code Accept-Encoding} names gzip, else {@code deflate} (zlib format) if it names deflate,
         * error answers included; a request without either gets the body as it is. {@code false}
         * behaves as a node with {@code COMPRESSION=0}.
         *
         * @param compress false to never compress
         * @return this builder
         */
        public Builder compression(boolean compress) {
            c.compression = compress;
            return this;
        }

        /**
         * WireMock's asynchronous responses (default false; only helps with many delayed responses at
         * once, such as those of {@link Fault#delay(Duration)}).
         *
         * @param async whether delayed responses are sent without holding a server thread
         * @return this builder
         */
        public Builder asyncResponses(boolean async) {
            c.asyncResponses = async;
            return this;
        }

        /**
         * Replaces the API token's ACL: ACL path to privileges (default: every privilege on
         * {@code /}, see {@link PveSimulator#ALL_PRIVILEGES}). An entry covers its path and every
         * path below it; the most specific entry wins, so an entry on a deeper path replaces what
         * is inherited (an empty set there is {@code NoAccess}). root@pam (ticket) always holds
         * every privilege. Example: everything except allocating space on {@code local-lvm}:
         * <pre>{@code
         * Set<String> noSpace = new HashSet<>(PveSimulator.ALL_PRIVILEGES);
         * noSpace.remove("Datastore.AllocateSpace");
         * builder.tokenPrivileges(Map.of("/", PveSimulator.ALL_PRIVILEGES, "/storage/local-lvm", noSpace));
         * }</pre>
         *
         * @param privilegesByPath ACL path ({@code /}, {@code /vms/100}, {@code /storage/local}) to privileges
         * @return this builder
         * @throws IllegalArgumentException naming the path or privilege if one is malformed or unknown
         */
        public Builder tokenPrivileges(Map<String, ? extends Set<String>> privilegesByPath) {
            c.tokenPrivileges(privilegesByPath);
            return this;
        }

        /**
         * Adds privileges to the token's ACL entry on one path; without an entry there, creates one
         * holding only these (it then replaces what the path inherits, see
         * {@link #tokenPrivileges(Map)}).
         *
         * @param path the ACL path, e.g. {@code /storage/local-lvm}
         * @param privileges privilege names of Proxmox VE, e.g. {@code Datastore.AllocateSpace}
         * @return this builder
         * @throws IllegalArgumentException naming the path or privilege if one is malformed or unknown
         */
        public Builder addTokenPrivileges(String path, String... privileges) {
            c.addTokenPrivileges(path, privileges);
            return this;
        }

        /**
         * Adds a resource pool without a comment; see {@link #addPool(String, String)}.
         *
         * @param poolid the pool id
         * @return this builder
         * @throws IllegalArgumentException if the name does not start with a letter or is taken
         */
        public Builder addPool(String poolid) {
            return addPool0(Objects.requireNonNull(poolid, "poolid"), null);
        }

        /**
         * Adds a resource pool (empty; guests join it with {@code pool} on create or {@code PUT /pools}).
         *
         * @param poolid the pool id, as {@code pveum pool add} takes it
         * @param comment the pool's comment
         * @return this builder
         * @throws IllegalArgumentException if the name does not start with a letter or is taken
         */
        public Builder addPool(String poolid, String comment) {
            return addPool0(Objects.requireNonNull(poolid, "poolid"), Objects.requireNonNull(comment, "comment"));
        }

        private Builder addPool0(String poolid, @Nullable String comment) {
            c.access.add(m -> {
                try {
                    m.pools().define(poolid, comment, List.of(), List.of());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("pool '" + poolid + "': " + e.getMessage(), e);
                }
            });
            return this;
        }

        /**
         * datacenter.cfg's {@code next-id}: {@code GET /cluster/nextid} returns the first free id
         * {@code i} with {@code lower <= i < upper} (default 100 and 1000000).
         *
         * @param lower the lowest id handed out
         * @param upper the first id above the range
         * @return this builder
         * @throws IllegalArgumentException unless {@code 100 <= lower < upper <= 999999999}
         */
        public Builder nextIdRange(int lower, int upper) {
            new io.github.proxmoxlxc.testkit.internal.model.Datacenter().nextIdRange(lower, upper);
            c.nextId = new int[] {lower, upper};
            return this;
        }

        /**
         * Adds a user {@code name@realm}; with a password (at least 5 characters) it can log in with
         * {@code POST /access/ticket}. Its privileges come from {@link #addAcl} entries.
         *
         * @param userid the user id, {@code name@realm}
         * @param password the password (see {@link #addUser(String)} for a user without one)
         * @return this builder
         * @throws IllegalArgumentException if the password is shorter than 5 characters
         */
        public Builder addUser(String userid, String password) {
            return addUser0(userid, Objects.requireNonNull(password, "password"));
        }

        /**
         * Adds a user {@code name@realm} without a password: it cannot log in with
         * {@code POST /access/ticket}, but its API tokens can be used. Its privileges come from
         * {@link #addAcl} entries.
         *
         * @param userid the user id, {@code name@realm}
         * @return this builder
         */
        public Builder addUser(String userid) {
            return addUser0(userid, null);
        }

        private Builder addUser0(String userid, @Nullable String password) {
            if (password != null && password.length() < 5) {
                throw new IllegalArgumentException("user '" + userid + "': password must be at least 5 characters long");
            }
            c.access.add(m -> m.acl().defineUser(userid, password));
            return this;
        }

        /**
         * Adds an API token {@code user@realm!name} of a user added before (or root@pam). With
         * {@code privsep} it holds the intersection of its own ACL entries and its user's privileges,
         * without it exactly its user's, as in Proxmox.
         *
         * @param tokenId {@code user@realm!name}
         * @param secret the secret its {@code PVEAPIToken=} header carries, not blank
         * @param privsep privilege separation, as {@code pveum user token add --privsep}
         * @return this builder
         * @throws IllegalArgumentException if the secret is blank
         */
        public Builder addToken(String tokenId, String secret, boolean privsep) {
            requireText(secret, "token secret");
            c.access.add(m -> m.acl().defineToken(tokenId, secret, privsep));
            return this;
        }

        /**
         * Adds a custom role, like {@code pveum role add NAME --privs ...}; the built-in roles such as
         * {@code PVEVMAdmin} and {@code PVEDatastoreUser} exist already.
         *
         * @param name the role name
         * @param privileges privilege names of Proxmox VE, e.g. {@code VM.Allocate}
         * @return this builder
         */
        public Builder addRole(String name, Set<String> privileges) {
            Set<String> copy = Set.copyOf(privileges);
            c.access.add(m -> m.acl().defineRole(name, copy));
            return this;
        }

        /**
         * Grants a role on an ACL path to a user or token added before, like {@code pveum acl modify
         * PATH --roles ROLE --users|--tokens SUBJECT --propagate 0|1}.
         *
         * @param path the ACL path, e.g. {@code /}, {@code /vms/100}, {@code /pool/dev}
         * @param subject a user ({@code name@realm}) or token ({@code name@realm!token}) id
         * @param role a built-in or {@link #addRole added} role
         * @param propagate whether the entry also covers the paths below {@code path}
         * @return this builder
         * @throws IllegalArgumentException if the role is blank
         */
        public Builder addAcl(String path, String subject, String role, boolean propagate) {
            requireText(role, "role");
            c.access.add(m -> m.acl().addEntry(path, subject, role, null, propagate));
            return this;
        }

        /**
         * Grants a set of privileges (an anonymous role) on an ACL path to a user or token added
         * before, as if {@link #addAcl} granted a role holding exactly these privileges.
         *
         * @param path the ACL path, e.g. {@code /storage/local-lvm}
         * @param subject a user ({@code name@realm}) or token ({@code name@realm!token}) id
         * @param privileges privilege names of Proxmox VE
         * @param propagate whether the entry also covers the paths below {@code path}
         * @return this builder
         */
        public Builder addAclPrivileges(String path, String subject, Set<String> privileges, boolean propagate) {
            Set<String> copy = Set.copyOf(privileges);
            c.access.add(m -> m.acl().addEntry(path, subject, null, copy, propagate));
            return this;
        }

        /**
         * Creates the simulator (not started; call {@link PveSimulator#start()}). The builder can be
         * changed and used again; the simulator keeps a copy of its settings.
         *
         * @return the simulator
         * @throws IllegalArgumentException if a storage, stored template, user, token, role, ACL entry
         *     or pool refers to something that does not exist, or a name is taken
         */
        public PveSimulator build() {
            return new PveSimulator(c.copy());
        }

        /**
         * Shortcut for {@code build().start()}.
         *
         * @return the started simulator; close it when done
         * @throws IllegalArgumentException as {@link #build()}
         */
        public PveSimulator start() {
            return build().start();
        }

        static String requireText(String v, String field) {
            Objects.requireNonNull(v, field);
            if (v.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank");
            }
            return v;
        }
    }

}
