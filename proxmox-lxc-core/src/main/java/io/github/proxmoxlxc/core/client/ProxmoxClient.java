package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.Args;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.ApiRequest;
import io.github.proxmoxlxc.core.internal.client.ApiResult;
import io.github.proxmoxlxc.core.internal.client.Auth;
import io.github.proxmoxlxc.core.internal.client.BaseUrl;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import io.github.proxmoxlxc.core.internal.client.HttpTransport;
import io.github.proxmoxlxc.core.internal.client.Json;
import io.github.proxmoxlxc.core.internal.client.Paths;
import io.github.proxmoxlxc.core.internal.client.TicketAuth;
import io.github.proxmoxlxc.core.internal.client.TokenAuth;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A client of the Proxmox VE HTTP API: typed calls for nodes, containers, storages, templates,
 * tasks and permissions, plus {@link #call raw calls} for any other path.
 *
 * <p>It verifies TLS by default, authenticates with an API token or a renewed {@code root@pam}
 * ticket, keeps every part of an error (status, reason phrase, message, field errors), retries only
 * what is safe to re-send, and limits concurrent requests per node. Thread-safe; close it to free
 * its connections and threads.
 *
 * <pre>{@code
 * try (ProxmoxClient pve = ProxmoxClient.builder()
 *         .baseUrl("https://pve1.example.org")                 // port 8006 and /api2/json added
 *         .apiToken("automation@pve!ci", secret)
 *         .trust(Trust.fingerprints("AB:CD:...:EF"))
 *         .build()) {
 *     int vmid = pve.cluster().nextId();
 *     Upid create = pve.node("pve1").containers().create(Map.of("vmid", "" + vmid,
 *             "ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"));
 *     pve.tasks().await(create, Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class ProxmoxClient implements AutoCloseable {
    private final ApiExecutor api;
    private final TaskWaiter waiter;
    private final String baseUrl;
    private final java.time.Clock clock;
    private final PollSchedule polling;
    private final RetryPolicy retry;

    private ProxmoxClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.retry = b.retry;
        HttpTransport transport = new HttpTransport(BaseUrl.parse(b.baseUrl), b.trust, b.connectTimeout,
                b.readTimeout, b.callTimeout, b.maxResponseBytes);
        this.api = new ApiExecutor(transport, b.auth, b.retry, b.maxConcurrentPerNode, b.slotWait);
        this.waiter = new TaskWaiter(api, b.clock, b.polling);
        this.clock = b.clock;
        this.polling = b.polling;
    }

    /**
     * Starts configuring a client.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The API server version ({@code GET /version}); a cheap way to check connectivity and credentials.
     *
     * @return the version
     */
    public PveVersion version() {
        return Wire.version(api.data(HttpMethod.GET, "/version", Map.of()));
    }

    /**
     * The retry policy this client applies to idempotent requests; the provisioner paces its
     * check-then-retry of non-idempotent calls (create, start, download) by the same policy, so it
     * is the one place retries are configured.
     *
     * @return the policy given to {@link Builder#retry(RetryPolicy)}, or the default
     */
    public RetryPolicy retryPolicy() {
        return retry;
    }

    /**
     * The cluster's nodes.
     *
     * @return the nodes resource
     */
    public Nodes nodes() {
        return new Nodes(api);
    }

    /**
     * One node; making it sends nothing.
     *
     * @param name the node name, e.g. {@code pve1}
     * @return the node resource
     * @throws IllegalArgumentException if the name is not a valid node name
     */
    public Node node(String name) {
        return new Node(api, name);
    }

    /**
     * Cluster-wide calls: resources and next free VMID.
     *
     * @return the cluster resource
     */
    public Cluster cluster() {
        return new Cluster(api);
    }

    /**
     * Access control: effective permissions.
     *
     * @return the access resource
     */
    public Access access() {
        return new Access(api);
    }

    /**
     * Tasks: status, log, waiting.
     *
     * @return the tasks resource
     */
    public Tasks tasks() {
        return new Tasks(waiter);
    }

    /**
     * Watches a set of containers for status, lock and node changes, polling by the task schedule.
     * Making it sends nothing; {@link StatusWatch#run} polls.
     *
     * @param vmids the containers (at least one)
     * @return the watch
     */
    public StatusWatch watch(java.util.Collection<Integer> vmids) {
        return new StatusWatch(api, clock, polling, vmids);
    }

    /**
     * Calls any API path with the client's auth, error handling, retries and limits.
     *
     * <p>The path is relative to {@code /api2/json} (a leading {@code /api2/json} is dropped); each
     * segment is percent-encoded by the client, so pass plain values (a UPID as is). GET and DELETE
     * parameters go in the query string, POST and PUT ones in a form body; Boolean values are sent as
     * {@code 1}/{@code 0}. GET, PUT and DELETE are retried on transient failures, POST never.
     *
     * @param method the HTTP method
     * @param path e.g. {@code /nodes/pve1/lxc/100/snapshot}
     * @param params parameters (String, Number or Boolean values); keys are never repeated
     * @return the status, the {@code data} as plain Java values, and the JSON text
     * @throws ApiException (or a subclass) for an error status
     * @throws TransportException for I/O, TLS or proxy failures
     */
    public RawResponse call(HttpMethod method, String path, Map<String, ?> params) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        ApiResult r = api.execute(ApiRequest.of(method, rawPath(path), ApiSupport.params(params)));
        return new RawResponse(r.status(), Json.toPlain(r.data()), r.body());
    }

    /**
     * A GET without parameters; see {@link #call(HttpMethod, String, Map)}.
     *
     * @param path the API path
     * @return the response
     */
    public RawResponse get(String path) {
        return call(HttpMethod.GET, path, Map.of());
    }

    static String rawPath(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.startsWith("/api2/json/") ? path.substring("/api2/json".length()) : path;
        if (!p.startsWith("/") || p.length() < 2) {
            throw new IllegalArgumentException("path: '" + path + "' must start with '/' and name a resource, "
                    + "e.g. /nodes/pve1/status");
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : p.substring(1).split("/", -1)) {
            if (seg.isEmpty()) {
                throw new IllegalArgumentException("path: '" + path + "' has an empty segment");
            }
            if (seg.equals(".") || seg.equals("..")) {
                // the URL parser would resolve it and send the credentials outside /api2/json
                throw new IllegalArgumentException("path: '" + path + "' has a '" + seg + "' segment; "
                        + "name the resource directly");
            }
            sb.append('/').append(Paths.seg(seg));
        }
        return sb.toString();
    }

    /**
     * Who the client authenticates as: a token id ({@code user@realm!name}) or a user
     * ({@code root@pam}). Only {@code root@pam} with a ticket may set root-only options such as
     * {@code devN} or bind mounts; the provisioner's preflight uses this to say so before any change.
     *
     * @return the token or user id (no secret)
     */
    public String authenticatedAs() {
        String d = api.describeAuth();
        int sp = d.indexOf(' ');
        return sp < 0 ? d : d.substring(sp + 1);
    }

    /**
     * Whether the client uses an API token (rather than a password ticket).
     *
     * @return true for a token; a token is never {@code root@pam}, even root's own
     */
    public boolean usesApiToken() {
        return api.describeAuth().startsWith("token ");
    }

    /**
     * The base URL as configured.
     *
     * @return the base URL given to the builder
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Closes connections and the task polling threads. Pending async waits stop.
     */
    @Override
    public void close() {
        waiter.close();
        api.close();
    }

    /**
     * Describes the client without secrets: URL and auth kind with user or token id.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ProxmoxClient[" + api.transport().base() + ", " + api.describeAuth() + "]";
    }

    /**
     * Configures a {@link ProxmoxClient}. Required: {@link #baseUrl(String)} and one of
     * {@link #apiToken(String, String)} or {@link #password(String, char[])}.
     */
    public static final class Builder {
        private String baseUrl;
        private String tokenId;
        private String tokenSecret;
        private String username;
        private char[] password;
        private Auth auth;
        private Trust trust = Trust.system();
        private RetryPolicy retry = RetryPolicy.defaults();
        private PollSchedule polling = PollSchedule.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration ticketRenewAfter = Duration.ofMinutes(90);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxConcurrentPerNode = 8;
        private Duration slotWait = Duration.ofSeconds(60);
        private Duration callTimeout = HttpTransport.DEFAULT_CALL_TIMEOUT;
        private long maxResponseBytes = HttpTransport.DEFAULT_MAX_RESPONSE_BYTES;
        private boolean allowPlaintextHttp;

        private Builder() {
        }

        /**
         * Sets the server: {@code https://host}, {@code https://host:8006}, {@code host}, with or without
         * {@code /api2/json}. Without a port, 8006 is used; without a scheme, https.
         *
         * @param baseUrl the server URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            BaseUrl.parse(baseUrl);
            return this;
        }

        /**
         * Authenticates with an API token (header {@code PVEAPIToken=user@realm!tokenid=secret}, no CSRF).
         * A token is never {@code root@pam}: device passthrough, bind mounts and most feature flags need
         * {@link #password(String, char[])} with {@code root@pam}.
         *
         * @param tokenId {@code user@realm!tokenid}, checked here
         * @param secret the token secret
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed (the secret is never shown)
         */
        public Builder apiToken(String tokenId, String secret) {
            new TokenAuth(tokenId, secret);
            this.tokenId = tokenId;
            this.tokenSecret = secret;
            this.username = null;
            this.password = null;
            return this;
        }

        /**
         * Authenticates with a user and password: a ticket is obtained on the first request, the
         * password is then wiped, and the ticket is renewed with itself before its 2-hour lifetime.
         *
         * <p>Renewal happens on the first request after {@link #ticketRenewAfter(Duration)}; a client
         * left idle for longer than the 2-hour lifetime holds an expired ticket and fails with
         * {@link AuthenticationException}, since the password is gone: build a new client then.
         *
         * @param username e.g. {@code root@pam}
         * @param password the password; copied
         * @return this builder
         */
        public Builder password(String username, char[] password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password").clone();
            this.tokenId = null;
            this.tokenSecret = null;
            return this;
        }

        /**
         * Authenticates with a user and password; see {@link #password(String, char[])}.
         *
         * @param username e.g. {@code root@pam}
         * @param password the password
         * @return this builder
         */
        public Builder password(String username, String password) {
            return password(username, Objects.requireNonNull(password, "password").toCharArray());
        }

        /**
         * Sets how the server certificate is trusted (default {@link Trust#system()}).
         *
         * @param trust the trust decision
         * @return this builder
         */
        public Builder trust(Trust trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Sets the retry policy (default {@link RetryPolicy#defaults()}: 3 attempts including the first).
         *
         * @param retry the policy; {@link RetryPolicy#none()} disables retries
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Sets the default task poll schedule (default {@link PollSchedule#defaults()}).
         *
         * @param polling the schedule
         * @return this builder
         */
        public Builder taskPolling(PollSchedule polling) {
            this.polling = Objects.requireNonNull(polling, "polling");
            return this;
        }

        /**
         * Sets the clock that decides ticket renewal and stamps task results (default system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the ticket age at which it is renewed (default 90 minutes; the lifetime is 2 hours).
         *
         * @param renewAfter positive, below 2 hours
         * @return this builder
         */
        public Builder ticketRenewAfter(Duration renewAfter) {
            Objects.requireNonNull(renewAfter, "renewAfter");
            if (renewAfter.isNegative() || renewAfter.isZero() || renewAfter.compareTo(TicketAuth.LIFETIME) >= 0) {
                throw new IllegalArgumentException("ticketRenewAfter: " + renewAfter + " must be positive and below "
                        + "the ticket lifetime " + TicketAuth.LIFETIME);
            }
            this.ticketRenewAfter = renewAfter;
            return this;
        }

        /**
         * Sets the connect timeout (default 10 s).
         *
         * @param connectTimeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Args.positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * Sets the read and write timeout per request (default 60 s; pveproxy itself gives up on a
         * synchronous call after 30 s with 596).
         *
         * @param readTimeout positive
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Args.positive("readTimeout", readTimeout);
            return this;
        }

        /**
         * Sets the overall deadline of one HTTP exchange, from connecting to the last byte of the
         * response (default 2 minutes). Unlike the read timeout, which restarts with every byte, a
         * server that drips its answer cannot hold a call past it; it ends with
         * {@link ProxmoxTimeoutException}. Each retry attempt gets its own deadline; task waits are
         * bounded separately by {@link TaskWait}. A call ends at most a tenth of the deadline (and
         * at most one second) after it: one daemon thread per client,
         * {@code proxmox-lxc-call-deadlines}, checks the calls in flight at that interval while calls
         * run, and ends 30 seconds after the last one.
         *
         * @param callTimeout positive
         * @return this builder
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Args.positive("callTimeout", callTimeout);
            return this;
        }

        /**
         * Sets the most bytes read from one response, counted after gzip decompression (default
         * 64 MiB; {@code /cluster/resources} for 10,000 containers is about 5 MiB). A larger answer
         * ends with {@link ResponseTooLargeException} and is not retried.
         *
         * @param maxBytes at least 1 MiB
         * @return this builder
         */
        public Builder maxResponseBytes(long maxBytes) {
            if (maxBytes < 1024 * 1024) {
                throw new IllegalArgumentException("maxResponseBytes: " + maxBytes + " must be at least 1048576 (1 MiB)");
            }
            this.maxResponseBytes = maxBytes;
            return this;
        }

        /**
         * Allows an {@code http://} base URL. Without it such a URL is refused when the client is
         * built, since the token secret or the password would cross the network in clear text
         * (pveproxy itself serves only HTTPS). Meant for local test servers; it cannot be combined
         * with a pinned fingerprint or a CA trust, which would promise a verification that plain
         * HTTP cannot give.
         *
         * @return this builder
         */
        public Builder allowPlaintextHttp() {
            this.allowPlaintextHttp = true;
            return this;
        }

        /**
         * Limits concurrent requests per node (default 8), so bulk work does not overload a node.
         * Requests not addressed to a node share one extra limit.
         *
         * <p>This one setting sizes everything else: at most {@code max x (nodes in use + 1)}
         * requests run at once, and the client keeps that many connections open for reuse (no
         * smaller idle-connection cap of its own), so callers up to the limit never close and
         * re-handshake connections. A connection idle for 4 s is closed, just before pveproxy's
         * own 5-s keep-alive timeout would close it. Tuning: set {@code max} to the concurrency
         * one node should bear (each request costs pveproxy 10-50 ms of Perl); more threads than
         * {@code max x nodes} only queue for a slot, up to {@code maxWait}.
         *
         * @param max at least 1
         * @param maxWait how long a request waits for a slot before {@link ProxmoxTimeoutException}
         * @return this builder
         */
        public Builder maxConcurrentRequestsPerNode(int max, Duration maxWait) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentRequestsPerNode: " + max + " must be at least 1");
            }
            Args.notNegative("maxWait", maxWait);
            this.maxConcurrentPerNode = max;
            this.slotWait = maxWait;
            return this;
        }

        /**
         * Builds the client. Nothing is sent yet; a ticket login happens on the first request.
         *
         * @return the client
         * @throws IllegalStateException if the base URL or credentials are missing, or the URL is
         *     {@code http://} without {@link #allowPlaintextHttp()} or with a pin or CA trust
         */
        public ProxmoxClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl: is required, e.g. https://pve1:8006");
            }
            if (!BaseUrl.parse(baseUrl).isHttps()) {
                if (!allowPlaintextHttp) {
                    throw new IllegalStateException("baseUrl: '" + BaseUrl.parse(baseUrl).newBuilder().encodedPath("/")
                            .build() + "' is plain HTTP: the credentials would be sent unencrypted. Use https://, or "
                            + "call allowPlaintextHttp() for a local test server");
                }
                if (trust.kind() != Trust.Kind.SYSTEM) {
                    throw new IllegalStateException("trust: " + trust + " cannot be combined with plain HTTP ("
                            + "allowPlaintextHttp()): nothing is verified over http://; use https:// with the pin or CA");
                }
            }
            if (tokenId != null) {
                auth = new TokenAuth(tokenId, tokenSecret);
            } else if (username != null) {
                auth = new TicketAuth(username, password, clock, ticketRenewAfter);
            } else {
                throw new IllegalStateException("credentials: call apiToken(id, secret) or password(user, password)");
            }
            return new ProxmoxClient(this);
        }

        /**
         * Describes the configuration without secrets.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return "ProxmoxClient.Builder[" + baseUrl + ", " + (tokenId != null ? "token " + tokenId
                    : username != null ? "ticket " + username : "no credentials") + ", " + trust + "]";
        }
    }
}
