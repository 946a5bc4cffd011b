package io.github.proxmoxlxc.testkit.internal.http;

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
 * {@code pveproxy.pm}: {@code keep_alive => 100}): the 100th request on a connection is answered
 * with {@code Connection: close}, any answer with a status of 400 or more closes the connection
 * ({@link SimResponse}), and a connection idle for {@link #IDLE_TIMEOUT_MILLIS} is closed (the
 * handle's 5-s timeout).
 */
public final class GatedJettyServerFactory implements HttpServerFactory {
    /** Hands the handler to the server's context hooks, which run inside Jetty11HttpServer's constructor. */
    private static final ThreadLocal<PveHandler> BUILDING = new ThreadLocal<>();

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

    private static final class Gated extends Jetty11HttpServer {
        Gated(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
            super(options, admin, stubs);
        }

        @Override
        protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
            context.addFilter(new FilterHolder(new BodyGate(BUILDING.get())), "/*", EnumSet.of(DispatcherType.REQUEST));
        }

        @Override
        protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
            context.addFilter(new FilterHolder(new AdminRefusal()), "/*", EnumSet.of(DispatcherType.REQUEST));
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
            wiremock.org.eclipse.jetty.server.Request base = wiremock.org.eclipse.jetty.server.Request.getBaseRequest(req);
            if (base != null && base.getHttpChannel() != null && base.getHttpChannel().getEndPoint() != null) {
                int n;
                synchronized (served) {
                    n = ++served.computeIfAbsent(base.getHttpChannel().getEndPoint(), k -> new int[1])[0];
                }
                if (n >= KEEP_ALIVE_REQUESTS) {
                    // AnyEvent.pm: keep_alive is decremented per request; at 0 the answer closes
                    ((HttpServletResponse) response).setHeader("Connection", "close");
                }
            }
            String te = req.getHeader("Transfer-Encoding");
            long length = req.getContentLengthLong();
            boolean chunked = te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            SimResponse refusal = handler.beforeBody(req.getMethod(), req.getRequestURI(), req::getHeader, length,
                    chunked);
            if (refusal == null) {
                chain.doFilter(request, response);
                return;
            }
            if (length > PveHandler.MAX_BODY || chunked) {
                // refused unread; the connection closes after the answer, dropping the rest of the body
                send((HttpServletResponse) response, refusal.status(), refusal.reason());
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
            send((HttpServletResponse) response, refusal.status(), refusal.reason());
        }
    }

    /** The admin API is not part of the simulator. */
    private static final class AdminRefusal implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
            send((HttpServletResponse) response, 501, "no such uri");
        }
    }

    private static void send(HttpServletResponse resp, int status, String reason) throws IOException {
        if (resp instanceof wiremock.org.eclipse.jetty.server.Response) {
            ((wiremock.org.eclipse.jetty.server.Response) resp).setStatusWithReason(status, reason);
        } else {
            resp.setStatus(status);
        }
        // the unread body is discarded with the connection
        resp.setHeader("Connection", "close");
        resp.setContentLength(0);
    }
}
