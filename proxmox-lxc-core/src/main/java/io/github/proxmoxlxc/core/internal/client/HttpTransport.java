package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import io.github.proxmoxlxc.core.client.ResponseTooLargeException;
import io.github.proxmoxlxc.core.client.TlsTrustException;
import io.github.proxmoxlxc.core.client.TransportException;
import io.github.proxmoxlxc.core.client.Trust;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange over OkHttp: builds the URL and body, sends, reads and closes the body, and
 * maps I/O and TLS failures. HTTP/1.1 only; OkHttp's own retry on connection failure is off so the
 * retry layer is the only one.
 *
 * <p>Connections: every call is synchronous, so OkHttp's dispatcher limits (which apply to
 * asynchronous calls only) never act; the one concurrency limit is {@link ApiExecutor}'s per-node
 * bulkhead. Concurrent calls therefore never exceed {@code maxConcurrentRequestsPerNode x (nodes in
 * use + 1)} (the {@code + 1} is the limit shared by requests addressed to no node), and neither do
 * open connections. The pool keeps every idle connection up to that bound instead of OkHttp's
 * default of 5 (which closed and re-handshook connections as soon as more than 5 callers paused at
 * once), and closes a connection after {@link #KEEP_ALIVE} idle, just before pveproxy's own 5-s
 * keep-alive timeout would, so a request never goes out on a connection the server is closing.
 */
public final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    /** Responses that carry secrets (login tickets, new token values, console tickets): never traced. */
    private static final Pattern SECRET_RESPONSE = Pattern.compile(
            "^/access/(?!permissions$).*|.*/(vncproxy|termproxy|spiceproxy|vncwebsocket|mtunnel|mtunnelwebsocket)$");

    /** The default overall deadline of one call (documented on the client builder). */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    /** The default response cap: 64 MiB inflated; 10,000 containers in /cluster/resources are about 5 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final Duration callTimeout;
    private final long maxResponseBytes;
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final CallDeadlines deadlines;
    /** The TLS sockets' factory (null over plain HTTP). */
    private final KeyShareSocketFactory tls;
    /** Built and checked URLs of requests without a query, by API path (bounded by {@link #URL_CACHE_SIZE}). */
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();
    private static final int URL_CACHE_SIZE = 512;

    /**
     * How long an idle connection stays open: below pveproxy's keep-alive timeout (5 s,
     * {@code PVE::APIServer::AnyEvent}, {@code $self->{timeout} = 5}).
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

    /**
     * Creates the transport.
     *
     * @param base the API base URL ending in {@code /api2/json}
     * @param trust how to trust the server
     * @param connectTimeout connect timeout
     * @param readTimeout read and write timeout
     */
    public HttpTransport(HttpUrl base, Trust trust, Duration connectTimeout, Duration readTimeout) {
        this(base, trust, connectTimeout, readTimeout, DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * Creates the transport with an overall deadline per call and a cap on the inflated response size.
     *
     * @param base the API base URL ending in {@code /api2/json}
     * @param trust how to trust the server
     * @param connectTimeout connect timeout
     * @param readTimeout read and write timeout (between two reads)
     * @param callTimeout the whole exchange, connect to last body byte
     * @param maxResponseBytes the most response bytes read after decompression
     */
    public HttpTransport(HttpUrl base, Trust trust, Duration connectTimeout, Duration readTimeout,
                         Duration callTimeout, long maxResponseBytes) {
        this.base = base;
        this.callTimeout = callTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.deadlines = new CallDeadlines(callTimeout);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // the call deadline is CallDeadlines', not OkHttp's callTimeout (see there why)
                // no idle-count limit of its own: the per-node bulkheads bound the connections (class comment)
                .connectionPool(new ConnectionPool(Integer.MAX_VALUE, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .eventListener(new EventListener() {
                    @Override
                    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                        connectionsOpened.incrementAndGet();
                    }

                    @Override
                    public void secureConnectStart(Call call) {
                        Handshake h = call.request().tag(Handshake.class);
                        if (h != null) {
                            h.started = true;
                        }
                    }

                    @Override
                    public void secureConnectEnd(Call call, okhttp3.Handshake handshake) {
                        Handshake h = call.request().tag(Handshake.class);
                        if (h != null) {
                            h.completed = true;
                        }
                    }
                });
        KeyShareSocketFactory f = null;
        if (base.isHttps()) {
            f = Tls.configure(b, trust, base.host());
        } else if (trust.kind() != Trust.Kind.SYSTEM) {
            // never drop a pin or CA silently: the builder refuses this combination first
            throw new IllegalArgumentException("trust: " + trust + " cannot be used with plain HTTP " + base.host());
        } else {
            LOG.warn("plain HTTP to {} (allowPlaintextHttp): credentials travel unencrypted", base.host());
        }
        this.tls = f;
        this.http = b.build();
    }

    /**
     * The number of connections opened so far (TCP connects, each followed by a TLS handshake on
     * https): stays flat once the callers' concurrency has been reached, unless connections idled
     * out.
     *
     * @return connections opened since creation
     */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    /**
     * Makes new TLS connections offer the JVM's default key-exchange groups instead of x25519 only,
     * as after a server refused the narrowed hello (for the benchmark that compares the two).
     */
    public void offerDefaultKeyShares() {
        if (tls != null) {
            tls.fallBack();
        }
    }

    /** The API base URL. */
    public HttpUrl base() {
        return base;
    }

    /**
     * Sends one attempt.
     *
     * @return the parsed success response
     * @throws ProxmoxException the mapped API or transport error
     */
    ApiResult send(ApiRequest req, Auth auth) {
        Request.Builder rb = new Request.Builder().url(url(req)).header("Accept", "application/json");
        if (req.method() == HttpMethod.POST || req.method() == HttpMethod.PUT) {
            FormBody.Builder fb = new FormBody.Builder();
            req.params().forEach(fb::add);
            rb.method(req.method().name(), fb.build());
        } else {
            rb.method(req.method().name(), null);
        }
        if (req.authenticated() && auth != null) {
            auth.apply(rb, req.method());
        }
        // while the TLS hello is narrowed: whether a failure came from this call's handshake
        Handshake handshake = tls != null && tls.narrowed() ? new Handshake() : null;
        if (handshake != null) {
            rb.tag(Handshake.class, handshake);
        }
        String m = req.method().name();
        if (LOG.isTraceEnabled()) {
            LOG.trace("-> {} {} {}", m, req.path(), req.redactedParams());
        }
        long start = System.nanoTime();
        Call call = http.newCall(rb.build());
        CallDeadlines.Entry deadline = deadlines.register(call);
        try (Response resp = call.execute()) {
            byte[] bytes = readCapped(resp.body(), m, req.path());
            if (LOG.isDebugEnabled()) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.debug("{} {} -> {} {} ({} ms)", m, req.path(), resp.code(), resp.message(), ms);
            }
            if (LOG.isTraceEnabled() && !SECRET_RESPONSE.matcher(req.path()).matches()) {
                LOG.trace("<- {} {} body {}", m, req.path(), new String(bytes, StandardCharsets.UTF_8));
            }
            if (!resp.isSuccessful()) {
                throw ErrorMapper.map(m, req.path(), resp.code(), resp.message(),
                        new String(bytes, StandardCharsets.UTF_8));
            }
            JsonNode root;
            try {
                root = bytes.length == 0 ? null : Json.parse(bytes);
            } catch (IOException e) {
                throw new ProxmoxException(m + " " + req.path() + ": response is not JSON (" + e.getMessage()
                        + ")", e);
            }
            return new ApiResult(resp.code(), root, bytes);
        } catch (IOException e) {
            if (deadline.expired()) {
                // the call deadline: the whole exchange took too long (a slow drip resets the read timeout)
                throw new ProxmoxTimeoutException(m + " " + req.path() + ": no complete response within the call "
                        + "timeout of " + callTimeout + " (ProxmoxClient.Builder.callTimeout)", e);
            }
            // a handshake that failed before completing: the request was never written, so it can go again
            if (handshake == null || !handshake.started || handshake.completed || !(e instanceof SSLException)
                    || !tls.fallBack()) {
                throw mapIoFailure(m, req.path(), e);
            }
            // the server refused an x25519-only hello (see KeyShareSocketFactory)
            LOG.info("{} did not accept a TLS hello offering x25519 only ({}); this client now offers the JVM's "
                    + "default key-exchange groups", base.host(), e.getMessage());
        } finally {
            deadlines.done(deadline);
        }
        return send(req, auth);
    }

    /** One call's TLS handshake on a new connection, as seen by the event listener (a request tag). */
    private static final class Handshake {
        volatile boolean started;
        volatile boolean completed;
    }

    private static ProxmoxException mapIoFailure(String m, String path, IOException e) {
        if (e instanceof SSLPeerUnverifiedException || e instanceof SSLHandshakeException) {
            return new TlsTrustException(m, path, "TLS: server not trusted: " + e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportException(m, path, "I/O timeout: " + e.getMessage(), e);
        }
        if (e instanceof InterruptedIOException) {
            // the calling thread was interrupted: not a transport failure, and never retried
            Thread.currentThread().interrupt();
            return new ProxmoxException(m + " " + path + ": interrupted", e);
        }
        return new TransportException(m, path, "I/O error: " + e, e);
    }

    /**
     * Reads the body, at most {@code maxResponseBytes} after decompression: a gzip bomb or an endless
     * chunked body ends with {@link ResponseTooLargeException} instead of filling the heap.
     */
    private byte[] readCapped(ResponseBody body, String method, String path) throws IOException {
        if (body.contentLength() > maxResponseBytes) {
            throw new ResponseTooLargeException(method, path, maxResponseBytes);
        }
        BufferedSource src = body.source();
        // buffers until the end of the body or one byte past the cap, whichever comes first
        if (src.request(maxResponseBytes + 1)) {
            throw new ResponseTooLargeException(method, path, maxResponseBytes);
        }
        return src.getBuffer().readByteArray();
    }

    private HttpUrl url(ApiRequest req) {
        boolean query = (req.method() == HttpMethod.GET || req.method() == HttpMethod.DELETE)
                && !req.params().isEmpty();
        if (query) {
            return buildUrl(req);
        }
        // the same paths come again and again (status reads, task polls): build and check each once
        HttpUrl url = urls.get(req.path());
        if (url == null) {
            url = buildUrl(req);
            if (urls.size() >= URL_CACHE_SIZE) {
                urls.clear(); // the hot paths come back at once; old task paths do not
            }
            urls.put(req.path(), url);
        }
        return url;
    }

    private HttpUrl buildUrl(ApiRequest req) {
        HttpUrl.Builder ub = base.newBuilder().addEncodedPathSegments(req.path().substring(1));
        if (req.method() == HttpMethod.GET || req.method() == HttpMethod.DELETE) {
            req.params().forEach(ub::addQueryParameter);
        }
        HttpUrl url = ub.build();
        // a '..' segment would be resolved by the URL parser and leave the API root with the credentials
        if (!url.encodedPath().startsWith(base.encodedPath() + "/")
                || url.pathSegments().size() <= base.pathSegments().size()) {
            throw new IllegalArgumentException("path: '" + req.path() + "' leaves " + base.encodedPath());
        }
        return url;
    }

    @Override
    public void close() {
        deadlines.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
