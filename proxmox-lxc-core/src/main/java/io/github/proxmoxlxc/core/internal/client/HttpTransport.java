package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.TlsTrustException;
import io.github.proxmoxlxc.core.client.TransportException;
import io.github.proxmoxlxc.core.client.Trust;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
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

    /**
     * How long an idle connection stays open: below pveproxy's keep-alive timeout (5 s,
     * {@code PVE::APIServer::AnyEvent}, {@code $self->{timeout} = 5}).
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

    private final OkHttpClient http;
    private final HttpUrl base;
    private final AtomicLong connectionsOpened = new AtomicLong();

    /**
     * Creates the transport.
     *
     * @param base the API base URL ending in {@code /api2/json}
     * @param trust how to trust the server
     * @param connectTimeout connect timeout
     * @param readTimeout read and write timeout
     */
    public HttpTransport(HttpUrl base, Trust trust, Duration connectTimeout, Duration readTimeout) {
        this.base = base;
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // no idle-count limit of its own: the per-node bulkheads bound the connections (class comment)
                .connectionPool(new ConnectionPool(Integer.MAX_VALUE, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .eventListener(new EventListener() {
                    @Override
                    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                        connectionsOpened.incrementAndGet();
                    }
                });
        if (base.isHttps()) {
            Tls.configure(b, trust, base.host());
        } else {
            LOG.warn("plain HTTP to {}: credentials travel unencrypted (Proxmox serves only HTTPS on 8006)",
                    base.host());
        }
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
        String m = req.method().name();
        if (LOG.isTraceEnabled()) {
            LOG.trace("-> {} {} {}", m, req.path(), req.redactedParams());
        }
        long start = System.nanoTime();
        try (Response resp = http.newCall(rb.build()).execute()) {
            ResponseBody body = resp.body();
            String text = body.string();
            if (LOG.isDebugEnabled()) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.debug("{} {} -> {} {} ({} ms)", m, req.path(), resp.code(), resp.message(), ms);
            }
            if (LOG.isTraceEnabled() && !SECRET_RESPONSE.matcher(req.path()).matches()) {
                LOG.trace("<- {} {} body {}", m, req.path(), text);
            }
            if (!resp.isSuccessful()) {
                throw ErrorMapper.map(m, req.path(), resp.code(), resp.message(), text);
            }
            JsonNode root;
            try {
                root = text.isEmpty() ? null : Json.parse(text);
            } catch (IOException e) {
                throw new ProxmoxException(m + " " + req.path() + ": response is not JSON (" + e.getMessage()
                        + ")", e);
            }
            return new ApiResult(resp.code(), root, text);
        } catch (SSLPeerUnverifiedException | SSLHandshakeException e) {
            throw new TlsTrustException(m, req.path(), "TLS: server not trusted: " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            throw new TransportException(m, req.path(), "I/O timeout: " + e.getMessage(), e);
        } catch (InterruptedIOException e) {
            // the calling thread was interrupted: not a transport failure, and never retried
            Thread.currentThread().interrupt();
            throw new ProxmoxException(m + " " + req.path() + ": interrupted", e);
        } catch (IOException e) {
            throw new TransportException(m, req.path(), "I/O error: " + e, e);
        }
    }

    private HttpUrl url(ApiRequest req) {
        HttpUrl.Builder ub = base.newBuilder().addEncodedPathSegments(req.path().substring(1));
        if (req.method() == HttpMethod.GET || req.method() == HttpMethod.DELETE) {
            req.params().forEach(ub::addQueryParameter);
        }
        return ub.build();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
