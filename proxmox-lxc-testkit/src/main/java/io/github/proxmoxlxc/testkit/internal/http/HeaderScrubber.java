package io.github.proxmoxlxc.testkit.internal.http;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;

/** Removes WireMock's {@code Matched-Stub-*} headers, which pveproxy never sends. */
public final class HeaderScrubber implements ResponseTransformerV2 {

    @Override
    public String getName() {
        return "proxmox-ve-header-scrubber";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        HttpHeaders headers = response.getHeaders();
        if (headers == null || headers.all().stream().noneMatch(h -> h.key().startsWith("Matched-Stub"))) {
            return response;
        }
        List<HttpHeader> kept = new ArrayList<>();
        for (HttpHeader h : headers.all()) {
            if (!h.key().startsWith("Matched-Stub")) {
                kept.add(h);
            }
        }
        return Response.Builder.like(response).headers(new HttpHeaders(kept)).build();
    }
}
