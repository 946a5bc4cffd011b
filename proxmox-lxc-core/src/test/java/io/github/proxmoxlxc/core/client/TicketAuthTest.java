package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.proxmoxlxc.core.client.PveServer.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ticket login, cookie and CSRF handling, and renewal driven by a controllable clock. */
class TicketAuthTest {
    @RegisterExtension
    static PveServer pve = new PveServer();

    static final String PASSWORD = "s3cret pa55word";
    static final String TICKET1 = "PVE:root@pam:68BF3A41::c2lnbmF0dXJlMQ+/==";
    static final String CSRF1 = "68BF3A41:Y3NyZjE";
    static final String TICKET2 = "PVE:root@pam:68BF5A00::c2lnbmF0dXJlMg+/==";
    static final String CSRF2 = "68BF5A00:Y3NyZjI";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    static String form(String user, String password) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    static String loginAnswer(String ticket, String csrf) {
        return "{\"username\":\"root@pam\",\"ticket\":\"" + ticket + "\",\"CSRFPreventionToken\":\"" + csrf
                + "\",\"cap\":{},\"clustername\":\"lab\"}";
    }

    @BeforeEach
    void stubs() {
        pve.wm.stubFor(post(urlEqualTo("/api2/json/access/ticket")).withRequestBody(equalTo(form("root@pam", PASSWORD)))
                .willReturn(data(loginAnswer(TICKET1, CSRF1))));
        pve.wm.stubFor(post(urlEqualTo("/api2/json/access/ticket")).withRequestBody(equalTo(form("root@pam", TICKET1)))
                .willReturn(data(loginAnswer(TICKET2, CSRF2))));
        pve.wm.stubFor(get(urlPathEqualTo("/api2/json/version")).willReturn(data("{\"version\":\"9.1.2\"}")));
        pve.wm.stubFor(post(urlPathEqualTo("/api2/json/nodes/pve1/lxc/120/status/start"))
                .willReturn(data("\"" + PveServer.UPID + "\"")));
    }

    private ProxmoxClient client() {
        return pve.clientBuilder().password("root@pam", PASSWORD.toCharArray()).clock(clock).build();
    }

    private static List<LoggedRequest> journal() {
        return pve.wm.findAll(anyRequestedFor(anyUrl()));
    }

    @Test
    void firstRequest_logsIn_thenSendsCookie_andCsrfOnlyOnWrites() {
        try (ProxmoxClient c = client()) {
            assertThat(journal()).isEmpty();
            c.version();
            c.node("pve1").container(120).start();
        }
        List<LoggedRequest> j = journal();
        assertThat(j).extracting(LoggedRequest::getUrl).containsExactly("/api2/json/access/ticket",
                "/api2/json/version", "/api2/json/nodes/pve1/lxc/120/status/start");
        assertThat(j.get(0).containsHeader("Cookie")).isFalse();
        assertThat(j.get(0).containsHeader("Authorization")).isFalse();
        assertThat(j.get(1).getHeader("Cookie")).isEqualTo("PVEAuthCookie=" + TICKET1);
        assertThat(j.get(1).containsHeader("CSRFPreventionToken")).isFalse();
        assertThat(j.get(1).containsHeader("Authorization")).isFalse();
        assertThat(j.get(2).getHeader("Cookie")).isEqualTo("PVEAuthCookie=" + TICKET1);
        assertThat(j.get(2).getHeader("CSRFPreventionToken")).isEqualTo(CSRF1);
    }

    @Test
    void ticketIsRenewedWithItselfOnceItReachesTheRenewalAge() {
        try (ProxmoxClient c = pve.clientBuilder().password("root@pam", PASSWORD.toCharArray()).clock(clock)
                .ticketRenewAfter(Duration.ofMinutes(90)).build()) {
            c.version();
            clock.advance(Duration.ofMinutes(89));
            c.version();
            pve.wm.verify(1, postRequestedFor(urlEqualTo("/api2/json/access/ticket")));
            clock.advance(Duration.ofMinutes(1));
            c.version();
            c.node("pve1").container(120).start();
            clock.advance(Duration.ofMinutes(89));
            c.version();
        }
        pve.wm.verify(1, postRequestedFor(urlEqualTo("/api2/json/access/ticket"))
                .withRequestBody(equalTo(form("root@pam", PASSWORD))));
        pve.wm.verify(1, postRequestedFor(urlEqualTo("/api2/json/access/ticket"))
                .withRequestBody(equalTo(form("root@pam", TICKET1))));
        List<LoggedRequest> j = journal();
        assertThat(j).extracting(LoggedRequest::getUrl).containsExactly("/api2/json/access/ticket",
                "/api2/json/version", "/api2/json/version", "/api2/json/access/ticket", "/api2/json/version",
                "/api2/json/nodes/pve1/lxc/120/status/start", "/api2/json/version");
        assertThat(j.get(4).getHeader("Cookie")).isEqualTo("PVEAuthCookie=" + TICKET2);
        assertThat(j.get(5).getHeader("CSRFPreventionToken")).isEqualTo(CSRF2);
    }

    @Test
    void badPassword_isAuthenticationExceptionWithoutThePassword() {
        pve.wm.resetAll();
        pve.wm.stubFor(post(urlEqualTo("/api2/json/access/ticket")).willReturn(aResponse().withStatus(401)
                .withStatusMessage("authentication failure")
                .withBody("{\"data\":null,\"message\":\"authentication failure\\n\"}")));
        try (ProxmoxClient c = client()) {
            assertThatThrownBy(c::version).isExactlyInstanceOf(AuthenticationException.class)
                    .hasMessage("POST /access/ticket: 401 authentication failure")
                    .satisfies(t -> assertThat(t.toString()).doesNotContain(PASSWORD));
        }
    }

    @Test
    void loginNeedingTfa_isReportedAsUnsupported() {
        pve.wm.resetAll();
        pve.wm.stubFor(post(urlEqualTo("/api2/json/access/ticket")).willReturn(data(
                "{\"username\":\"root@pam\",\"ticket\":\"PVE:!tfa!x\",\"CSRFPreventionToken\":\"x\",\"NeedTFA\":1}")));
        try (ProxmoxClient c = client()) {
            assertThatThrownBy(c::version).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("two-factor");
        }
    }

    @Test
    void renewalAge_mustBeBelowTheTicketLifetime() {
        assertThatThrownBy(() -> ProxmoxClient.builder().ticketRenewAfter(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticketRenewAfter: PT2H");
    }

    @Test
    void malformedTokenId_isRejectedUpFrontWithoutShowingTheSecret() {
        assertThatThrownBy(() -> ProxmoxClient.builder().apiToken("automation@pve", "top-secret-value"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'automation@pve'")
                .hasMessageContaining("user@realm!tokenid")
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("top-secret-value"));
    }
}
