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

    /** A builder with the defaults: one node {@code pve1}, storages {@code local} and {@code local-lvm}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a simulator with all defaults. */
    public static PveSimulator startDefault() {
        return builder().start();
    }

    /**
     * Starts the HTTPS server; returns this simulator.
     *
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

    /** Base URL without path, e.g. {@code https://127.0.0.1:43123} (the API is under {@code /api2/json}). */
    public String baseUrl() {
        requireStarted();
        return "https://127.0.0.1:" + server.httpsPort();
    }

    /** The API root, {@code baseUrl() + "/api2/json"}. */
    public String apiUrl() {
        return baseUrl() + "/api2/json";
    }

    /** The HTTPS port. */
    public int port() {
        requireStarted();
        return server.httpsPort();
    }

    /** SHA-256 fingerprint of the served certificate, colon-separated upper-case hex. */
    public String fingerprint() {
        requireStarted();
        return tls.fingerprint();
    }

    /** The cluster CA that signed the served certificate, as PEM (trust anchor for clients). */
    public String caPem() {
        requireStarted();
        return tls.caPem();
    }

    /** The API token id, {@code user@realm!name}. */
    public String tokenId() {
        return config.tokenId;
    }

    /** The API token secret (a UUID). */
    public String tokenSecret() {
        return config.tokenSecret;
    }

    /** The full header value, {@code PVEAPIToken=<tokenId>=<secret>}. */
    public String authorizationHeader() {
        return "PVEAPIToken=" + config.tokenId + "=" + config.tokenSecret;
    }

    /** The root@pam password for {@code POST /access/ticket}. */
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

    /** Node names, first one is where the certificate was issued for. */
    public List<String> nodeNames() {
        return model.nodeNames();
    }

    // ------------------------------------------------------------------ inspection

    /** All containers now, by vmid (tasks whose time is up are completed first). */
    public List<ContainerState> containers() {
        return model.containerStates();
    }

    /** One container, if it exists. */
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
     */
    public String addBackup(String node, String storage, int vmid, java.time.Instant takenAt, boolean protect) {
        return model.backups().addBackup(node, storage, vmid, takenAt.getEpochSecond(), protect, null);
    }

    /** All tasks, oldest first. */
    public List<TaskState> tasks() {
        return model.taskStates();
    }

    /** Config locks by vmid (empty when no container is locked). */
    public Map<Integer, String> locks() {
        return model.locks();
    }

    /**
     * Requests seen for an endpoint since start (or the last reset).
     *
     * @param endpoint {@code "METHOD /template"} as the schema names it, e.g. {@code "POST /nodes/{node}/lxc"}
     */
    public long requestCount(String endpoint) {
        requireStarted();
        return handler.requestCounts().getOrDefault(endpoint, 0L);
    }

    /** Requests per endpoint key; unknown paths are counted as {@code "METHOD /raw/path"}. */
    public Map<String, Long> requestCounts() {
        requireStarted();
        return handler.requestCounts();
    }

    /** Sets the request counts back to zero. */
    public void resetRequestCounts() {
        requireStarted();
        handler.resetCounts();
    }

    /** Used bytes of a storage on a node (simulated volumes plus the configured base usage). */
    public long storageUsedBytes(String node, String storage) {
        return model.storageUsage(node, storage)[0];
    }

    /** Volume ids stored in a storage on a node. */
    public List<String> volumes(String node, String storage) {
        return model.volumes(node, storage);
    }

    /**
     * Waits until no task is running, checking every few milliseconds.
     *
     * @return true if idle, false if the timeout passed first
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
     * Injects a fault into every matching request until {@link #clearFaults()}.
     *
     * @param endpoint {@code "METHOD /template"} from the schema, or {@code "*"} for any request
     */
    public void injectFault(String endpoint, Fault fault) {
        injectFault(endpoint, 0, fault);
    }

    /**
     * Injects a fault into the next {@code times} matching requests ({@code times <= 0}: all of them).
     *
     * @param endpoint {@code "METHOD /template"} from the schema, or {@code "*"} for any request
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

    /** Gives each request a random fault with this probability (0..1), drawn reproducibly from {@code seed}. */
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
     * @throws IllegalArgumentException naming the path or privilege if one is malformed or unknown
     */
    public void setTokenPrivileges(Map<String, ? extends Set<String>> privilegesByPath) {
        Objects.requireNonNull(privilegesByPath, "privilegesByPath");
        model.acl().setTokenAcl(privilegesByPath);
    }

    /** The API token's current ACL: path to privileges (immutable, sorted by path). */
    public Map<String, Set<String>> tokenPrivileges() {
        return model.acl().tokenAcl();
    }

    /** Sets a container's config lock (e.g. {@code backup}), as a job on the node would. */
    public void setLock(int vmid, String lock) {
        model.setLock(vmid, Objects.requireNonNull(lock, "lock"));
    }

    /** Removes a container's config lock, like {@code pct unlock}. */
    public void clearLock(int vmid) {
        model.setLock(vmid, null);
    }

    /** Appends a raw {@code lxc.*} line to a container's config, as editing the file on the node would. */
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

        /** Adds a node (name in pve-node format, CPUs &gt;= 1, memory &gt; 0 bytes). */
        public Builder addNode(String name, int cpus, long memoryBytes) {
            c.addNode(name, cpus, memoryBytes);
            return this;
        }

        /** Adds a storage to a node; a shared storage appears on every node (pass any node name). */
        public Builder addStorage(String node, StorageDefinition storage) {
            c.addStorage(node, storage);
            return this;
        }

        /** Adds a template file name to the {@code aplinfo} catalogue, e.g. {@code debian-12-standard_12.7-1_amd64.tar.zst}. */
        public Builder addAplinfoTemplate(String templateFile) {
            c.addAplinfo(templateFile);
            return this;
        }

        /** Puts an already downloaded template into a node's storage ({@code vztmpl} content). */
        public Builder addStoredTemplate(String node, String storage, String templateFile) {
            c.addStored(node, storage, templateFile);
            return this;
        }

        /** The API token id, {@code user@realm!name} (default {@code root@pam!testkit}). */
        public Builder tokenId(String tokenId) {
            c.tokenId(tokenId);
            return this;
        }

        /** The API token secret (default: a random UUID). */
        public Builder tokenSecret(String secret) {
            c.tokenSecret = requireText(secret, "tokenSecret");
            return this;
        }

        /** The root@pam password (default: random). At least 5 characters. */
        public Builder rootPassword(String password) {
            c.rootPassword(password);
            return this;
        }

        /**
         * The wall clock for task start times, tickets, backup names and rrddata (default system UTC);
         * a fixed clock makes rrddata and time stamps repeatable for golden files. Task progress keeps
         * the monotonic clock.
         */
        public Builder clock(java.time.Clock clock) {
            c.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seed for pids, MAC and IP addresses (default 1); equal seeds give equal runs. */
        public Builder seed(long seed) {
            c.seed = seed;
            return this;
        }

        /**
         * Factor applied to every task duration (default 0.001: a 30 s create takes 30 ms).
         * 1.0 is real time; 0 completes every task at the next request.
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
         */
        public Builder taskDuration(String type, Duration duration) {
            c.taskDuration(type, duration);
            return this;
        }

        /** Delay of {@code 401} answers (default: 3 s times the time scale; pveproxy waits 3 s). */
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
         */
        public Builder legacyErrors(boolean legacy) {
            c.legacyErrors = legacy;
            return this;
        }

        /** Cluster name reported at login (default {@code testkit}). */
        public Builder clusterName(String name) {
            c.clusterName = requireText(name, "clusterName");
            return this;
        }

        /** Bytes a downloaded template occupies (default 128 MiB). */
        public Builder templateSizeBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("templateSizeBytes must be >= 0: " + bytes);
            }
            c.templateSize = bytes;
            return this;
        }

        /** Keep WireMock's request journal with at most this many entries (default: off, it costs throughput). */
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

        /** Jetty worker threads (default 16). */
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

        /** WireMock's asynchronous responses (default false; only helps with many delayed responses). */
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
         * @throws IllegalArgumentException naming the path or privilege if one is malformed or unknown
         */
        public Builder addTokenPrivileges(String path, String... privileges) {
            c.addTokenPrivileges(path, privileges);
            return this;
        }

        /**
         * Adds a resource pool without a comment; see {@link #addPool(String, String)}.
         *
         * @throws IllegalArgumentException if the name does not start with a letter or is taken
         */
        public Builder addPool(String poolid) {
            return addPool0(Objects.requireNonNull(poolid, "poolid"), null);
        }

        /**
         * Adds a resource pool (empty; guests join it with {@code pool} on create or {@code PUT /pools}).
         *
         * @param comment the pool's comment
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
         * @param password the password (see {@link #addUser(String)} for a user without one)
         */
        public Builder addUser(String userid, String password) {
            return addUser0(userid, Objects.requireNonNull(password, "password"));
        }

        /**
         * Adds a user {@code name@realm} without a password: it cannot log in with
         * {@code POST /access/ticket}, but its API tokens can be used. Its privileges come from
         * {@link #addAcl} entries.
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
         */
        public Builder addToken(String tokenId, String secret, boolean privsep) {
            requireText(secret, "token secret");
            c.access.add(m -> m.acl().defineToken(tokenId, secret, privsep));
            return this;
        }

        /** Adds a custom role (the built-in roles such as {@code PVEVMAdmin} exist already). */
        public Builder addRole(String name, Set<String> privileges) {
            Set<String> copy = Set.copyOf(privileges);
            c.access.add(m -> m.acl().defineRole(name, copy));
            return this;
        }

        /**
         * Grants a role on an ACL path to a user or token added before, like {@code pveum acl modify
         * PATH --roles ROLE --users|--tokens SUBJECT --propagate 0|1}.
         */
        public Builder addAcl(String path, String subject, String role, boolean propagate) {
            requireText(role, "role");
            c.access.add(m -> m.acl().addEntry(path, subject, role, null, propagate));
            return this;
        }

        /** Grants a set of privileges (an anonymous role) on an ACL path to a user or token added before. */
        public Builder addAclPrivileges(String path, String subject, Set<String> privileges, boolean propagate) {
            Set<String> copy = Set.copyOf(privileges);
            c.access.add(m -> m.acl().addEntry(path, subject, null, copy, propagate));
            return this;
        }

        /** Creates the simulator (not started; call {@link PveSimulator#start()}). */
        public PveSimulator build() {
            return new PveSimulator(c.copy());
        }

        /** Shortcut for {@code build().start()}. */
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
