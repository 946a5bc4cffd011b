package io.github.proxmoxlxc.testkit.internal.http;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.org.eclipse.jetty.server.ConnectionFactory;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty server with two gates in front of it. WireMock reads the whole request body
 * into memory before any extension sees the request, and serves its admin API under
 * {@code /__admin} without authentication; neither belongs in a stand-in for pveproxy. So a servlet
 * filter on the mock context checks the announced body size and the credentials from the headers
 * before a byte of the body is read: a body over the limit (or chunked, so of unknown size) drops
 * the connection unread, and a request with bad credentials has its small body skipped, never
 * stored, before the 401. A filter on the admin context answers every admin request as pveproxy
 * answers an unknown path ({@code 501 no such uri}).
 *
 * <p>Connections are kept as pveproxy keeps them (pve-http-server {@code AnyEvent.pm}, pve-manager
 * {@code pveproxy.pm}: {@code keep_alive => 100}): every answer carries one {@code Connection} header,
 * {@code Keep-Alive} or {@code close} ({@code sub response}); the 100th request on a connection, a
 * request whose {@code Connection} header contains {@code close} (any case) and an HTTP/1.0 request
 * without a {@code Connection} header are answered with {@code close} ({@code process_header}), any
 * answer with a status of 400 or more closes the connection ({@link #closeAfterAnswer()}), and a
 * connection idle for {@link #IDLE_TIMEOUT_MILLIS} is closed (the handle's 5-s timeout).
 *
 * <p>A method other than GET, POST, PUT and DELETE is refused first, on any path, before the
 * credentials or the body are looked at, as {@code process_header} refuses it: {@code 501 method 'X'
 * not available} with no body and no {@code Content-Type}. One difference on the wire: pveproxy sends
 * no {@code Content-Length} for an answer without content, Jetty always sends {@code Content-Length: 0}.
 *
 * <p>Request header values reach the simulator as the client sent them: Jetty's header cache would
 * otherwise hand over its own lower-case copy of a common line such as {@code Accept-Encoding: gzip}
 * for {@code Accept-Encoding: GZIP}, where pveproxy matches {@code m/gzip/} case-sensitively.
 */
public final class GatedJettyServerFactory implements HttpServerFactory {
    /** Hands the handler to the server's context hooks, which run inside Jetty11HttpServer's constructor. */
    private static final ThreadLocal<PveHandler> BUILDING = new ThreadLocal<>();
    /** The response being answered on this thread, while the gate passes the request on to WireMock. */
    private static final ThreadLocal<HttpServletResponse> ANSWERING = new ThreadLocal<>();
    /** {@code $known_methods} in AnyEvent.pm: every other method is refused with 501. */
    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of("GET", "POST", "PUT", "DELETE");

    /** pveproxy's {@code keep_alive}: requests per connection, the last one answered with {@code Connection: close}. */
    public static final int KEEP_ALIVE_REQUESTS = 100;
    /** AnyEvent.pm's handle timeout (default 5 s): an idle connection is closed after it. */
    public static final long IDLE_TIMEOUT_MILLIS = 5_000;

    private final PveHandler handler;

    /**
     * Creates the factory.
     *
     * @param handler the simulator's request handler, whose credential check the gate uses
     */
    public GatedJettyServerFactory(PveHandler handler) {
        this.handler = handler;
    }

    @Override
    public String getName() {
        return "proxmox-ve-gated-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        BUILDING.set(handler);
        try {
            return new Gated(options, admin, stubs);
        } finally {
            BUILDING.remove();
        }
    }

    /**
     * Makes the answer to the request this thread is handling close its connection ({@code Connection:
     * close} in place of {@code Keep-Alive}), as pveproxy closes after any status of 400 or more.
     *
     * @return false if this thread is not inside the gate (the caller then sends the header itself)
     */
    static boolean closeAfterAnswer() {
        HttpServletResponse resp = ANSWERING.get();
        if (resp == null) {
            return false;
        }
        resp.setHeader("Connection", "close");
        return true;
    }

    private static final class Gated extends Jetty11HttpServer {
        Gated(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            super(options, admin, stubs);
        }

        @Override
        protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings jettySettings,
                NetworkTrafficListener listener) {
            return rawHeaderValues(super.createHttpConnector(bindAddress, port, jettySettings, listener));
        }

        @Override
        protected ServerConnector createHttpsConnector(String bindAddress, HttpsSettings httpsSettings,
                JettySettings jettySettings, NetworkTrafficListener listener) {
            return rawHeaderValues(super.createHttpsConnector(bindAddress, httpsSettings, jettySettings, listener));
        }

        /**
         * Header values as sent, not Jetty's cached lower-case copies of common lines; and the request
         * handed over when its head is complete, as pveproxy handles it, not only once body bytes arrive
         * (Jetty's delayed dispatch kept a refusal for an oversized body back until the idle timeout when
         * the client waited for the answer before sending its body).
         */
        private static ServerConnector rawHeaderValues(ServerConnector connector) {
            for (ConnectionFactory f : connector.getConnectionFactories()) {
                if (f instanceof HttpConnectionFactory http) {
                    http.getHttpConfiguration().setHeaderCacheCaseSensitive(true);
                    http.getHttpConfiguration().setDelayDispatchUntilContent(false);
                }
            }
            return connector;
        }

        @Override
        protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
            context.addFilter(new FilterHolder(new BodyGate(BUILDING.get())), "/*", EnumSet.of(DispatcherType.REQUEST));
        }

        @Override
        protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
            context.addFilter(new FilterHolder(new AdminRefusal(BUILDING.get())), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
    }

    /** Size and credentials from the headers, before the body; the keep-alive request budget. */
    private static final class BodyGate implements Filter {
        private final PveHandler handler;
        /** Requests served per connection (its Jetty end point), forgotten with the connection. */
        private final java.util.Map<Object, int[]> served = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        BodyGate(PveHandler handler) {
            this.handler = handler;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse resp = (HttpServletResponse) response;
            if (!KNOWN_METHODS.contains(req.getMethod())) {
                // process_header: refused before anything else, the body left unread
                refuseMethod(resp, req.getMethod());
                return;
            }
            wiremock.org.eclipse.jetty.server.Request base = wiremock.org.eclipse.jetty.server.Request.getBaseRequest(req);
            int n = 0;
            if (base != null && base.getHttpChannel() != null && base.getHttpChannel().getEndPoint() != null) {
                synchronized (served) {
                    n = ++served.computeIfAbsent(base.getHttpChannel().getEndPoint(), k -> new int[1])[0];
                }
            }
            // AnyEvent.pm: keep_alive is decremented per request, at 0 the answer closes; process_header
            // sets it to 0 for a Connection header matching m/close/i, or for HTTP/1.0 without one.
            // Set here, once: Jetty has already echoed a request's Connection: close, and an add would repeat it.
            String conn = connectionHeader(req);
            boolean close = n >= KEEP_ALIVE_REQUESTS || (conn != null
                    ? conn.toLowerCase(java.util.Locale.ROOT).contains("close") : "HTTP/1.0".equals(req.getProtocol()));
            resp.setHeader("Connection", close ? "close" : "Keep-Alive");
            String te = req.getHeader("Transfer-Encoding");
            long length = req.getContentLengthLong();
            boolean chunked = te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            SimResponse refusal = handler.beforeBody(req.getMethod(), req.getRequestURI(), req::getHeader, length,
                    chunked);
            if (refusal == null) {
                ANSWERING.set(resp);
                try {
                    chain.doFilter(request, response);
                } finally {
                    ANSWERING.remove();
                }
                return;
            }
            if (length > PveHandler.MAX_BODY || chunked) {
                // refused unread; the connection closes after the answer, dropping the rest of the body
                send(resp, refusal);
                return;
            }
            // a small body (at most MAX_BODY) is skipped, not buffered, before the refusal is sent
            byte[] sink = new byte[8192];
            try (InputStream in = req.getInputStream()) {
                while (in.read(sink) != -1) {
                    // discard
                }
            }
            if (refusal.delayMillis() > 0) {
                try {
                    Thread.sleep(refusal.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            send(resp, refusal);
        }
    }

    /** The admin API is not part of the simulator. */
    private static final class AdminRefusal implements Filter {
        private final PveHandler handler;

        AdminRefusal(PveHandler handler) {
            this.handler = handler;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
            String method = ((HttpServletRequest) request).getMethod();
            if (!KNOWN_METHODS.contains(method)) {
                refuseMethod((HttpServletResponse) response, method);
                return;
            }
            send((HttpServletResponse) response, handler.httpError(501, "no such uri"));
        }
    }

    /** The request's Connection header lines joined as HTTP::Headers joins them, or null if it sent none. */
    private static String connectionHeader(HttpServletRequest req) {
        java.util.Enumeration<String> values = req.getHeaders("Connection");
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        return String.join(", ", java.util.Collections.list(values));
    }

    /**
     * {@code HTTP::Response->new(HTTP_NOT_IMPLEMENTED, "method '$method' not available")} as
     * {@code sub response} sends it: no content, so no {@code Content-Type}, and the connection closes.
     */
    private static void refuseMethod(HttpServletResponse resp, String method) {
        setStatus(resp, 501, "method '" + method + "' not available");
        SimResponse.standardHeaders().forEach(resp::setHeader);
        resp.setHeader("Connection", "close");
        resp.setContentLength(0);
    }

    private static void setStatus(HttpServletResponse resp, int status, String reason) {
        if (resp instanceof wiremock.org.eclipse.jetty.server.Response) {
            ((wiremock.org.eclipse.jetty.server.Response) resp).setStatusWithReason(status, reason);
        } else {
            resp.setStatus(status);
        }
    }

    /** A refusal made from the request head: its status, reason, headers and (plain text) body. */
    private static void send(HttpServletResponse resp, SimResponse refusal) throws IOException {
        setStatus(resp, refusal.status(), refusal.reason());
        refusal.headers().forEach(resp::setHeader);
        // the unread body is discarded with the connection
        resp.setHeader("Connection", "close");
        byte[] body = refusal.body();
        resp.setContentLength(body.length);
        if (body.length > 0) {
            resp.getOutputStream().write(body);
        }
    }
}
