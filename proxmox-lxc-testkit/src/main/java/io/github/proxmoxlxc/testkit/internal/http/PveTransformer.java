package io.github.proxmoxlxc.testkit.internal.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The WireMock extension that turns every request into a call of {@link PveHandler}. It is a
 * request filter that answers every request itself, so WireMock's stub matching and request
 * decoration (a sizeable share of a cheap GET's CPU) are skipped; rendering (faults, delays) and
 * the request journal still apply.
 */
public final class PveTransformer implements StubRequestFilterV2 {

    /** Name under which the extension is registered. */
    public static final String NAME = "proxmox-ve-simulator";
    private final PveHandler handler;
    private final boolean compression;

    /**
     * Wraps a handler.
     *
     * @param handler the simulated pveproxy
     * @param compression whether bodies over 1024 bytes are compressed as pveproxy compresses them
     *     ({@link ResponseCompression}; pveproxy's {@code COMPRESSION} setting)
     */
    public PveTransformer(PveHandler handler, boolean compression) {
        this.handler = handler;
        this.compression = compression;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public RequestFilterAction filter(Request r, ServeEvent event) {
        return RequestFilterAction.stopWith(respond(r));
    }

    private ResponseDefinition respond(Request r) {
        String url = r.getUrl();
        int q = url.indexOf('?');
        byte[] body = r.getBody();
        SimRequest req = new SimRequest(r.getMethod().getName(), q < 0 ? url : url.substring(0, q),
                q < 0 ? null : url.substring(q + 1), name -> r.containsHeader(name) ? r.getHeader(name) : null,
                body == null ? new byte[0] : body);
        SimResponse resp = handler.handle(req);
        ResponseDefinitionBuilder b = new ResponseDefinitionBuilder();
        switch (resp.wireFault()) {
            case RESET:
                b.withFault(Fault.CONNECTION_RESET_BY_PEER);
                break;
            case EMPTY:
                b.withFault(Fault.EMPTY_RESPONSE);
                break;
            default:
                b.withStatus(resp.status()).withStatusMessage(resp.reason());
                resp.headers().forEach(b::withHeader);
                // AnyEvent.pm: keep_alive = 0 if $code >= 400; one Connection header, set by the gate
                if (resp.status() >= 400 && !GatedJettyServerFactory.closeAfterAnswer()) {
                    b.withHeader("Connection", "close");
                }
                byte[] out = resp.body();
                String coding = compression ? ResponseCompression.choose(acceptEncoding(r), out.length) : null;
                if (coding != null) {
                    b.withHeader("Content-Encoding", coding);
                    out = ResponseCompression.encode(coding, out);
                }
                // Content-Length is the length of what is sent (chunked transfer encoding is off)
                b.withBody(out);
                break;
        }
        if (resp.delayMillis() > 0) {
            b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, resp.delayMillis()));
        }
        return b.build();
    }

    /** The request's Accept-Encoding, its lines joined as HTTP::Headers joins them; null if absent. */
    private static String acceptEncoding(Request r) {
        HttpHeader h = r.header("Accept-Encoding");
        return h == null || !h.isPresent() ? null : String.join(", ", h.values());
    }
}
