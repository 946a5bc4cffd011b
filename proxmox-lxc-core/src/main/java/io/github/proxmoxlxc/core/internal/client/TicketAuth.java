package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.client.ApiError;
import io.github.proxmoxlxc.core.client.AuthenticationException;
import io.github.proxmoxlxc.core.client.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket auth: logs in with {@code POST /access/ticket} on first use, sends the
 * {@code PVEAuthCookie} cookie and, on writes, the {@code CSRFPreventionToken} header, and renews
 * the ticket before its 2-hour lifetime by logging in with the current ticket as password. The
 * password is dropped after the first login.
 */
public final class TicketAuth implements Auth {
    private static final Logger LOG = LoggerFactory.getLogger(TicketAuth.class);
    /** Proxmox's ticket lifetime. */
    public static final Duration LIFETIME = Duration.ofHours(2);

    private final String username;
    private final Clock clock;
    private final Duration renewAfter;
    private char[] password;
    private volatile Session session;

    private record Session(String ticket, String csrf, Instant issuedAt) {
        @Override
        public String toString() {
            return "Session[issuedAt=" + issuedAt + "]";
        }
    }

    /**
     * Creates the auth; nothing is sent until the first request.
     *
     * @param username e.g. {@code root@pam}
     * @param password the password; copied, and wiped after the first login
     * @param clock the clock deciding when to renew
     * @param renewAfter ticket age at which it is renewed, less than 2 hours
     */
    public TicketAuth(String username, char[] password, Clock clock, Duration renewAfter) {
        this.username = Objects.requireNonNull(username, "username");
        if (!username.matches("[^\\s:/@]+@[A-Za-z][A-Za-z0-9.\\-_]+")) {
            throw new IllegalArgumentException("username: '" + username + "' is not a user id of the form user@realm");
        }
        this.password = Objects.requireNonNull(password, "password").clone();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renewAfter = Objects.requireNonNull(renewAfter, "renewAfter");
        if (renewAfter.isNegative() || renewAfter.isZero() || renewAfter.compareTo(LIFETIME) >= 0) {
            throw new IllegalArgumentException("ticketRenewAfter: " + renewAfter + " must be positive and below the "
                    + "ticket lifetime " + LIFETIME);
        }
    }

    @Override
    public void prepare(ApiExecutor executor) {
        Session s = session;
        if (s != null && !due(s)) {
            return;
        }
        synchronized (this) {
            s = session;
            if (s == null) {
                if (password == null) {
                    throw new IllegalStateException("ticket auth: no ticket and no password left");
                }
                session = login(executor, new String(password));
                Arrays.fill(password, '\0');
                password = null;
                LOG.debug("logged in as {}", username);
            } else if (due(s)) {
                session = login(executor, s.ticket());
                LOG.debug("renewed ticket of {} (age {})", username, Duration.between(s.issuedAt(), clock.instant()));
            }
        }
    }

    private boolean due(Session s) {
        return Duration.between(s.issuedAt(), clock.instant()).compareTo(renewAfter) >= 0;
    }

    private Session login(ApiExecutor executor, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", secret);
        ApiRequest req = new ApiRequest(HttpMethod.POST, "/access/ticket", form, true, false);
        JsonNode data = executor.execute(req).data();
        String ticket = Json.str(data, "ticket");
        String csrf = Json.str(data, "CSRFPreventionToken");
        if (Json.bool(data, "NeedTFA") || ticket == null || csrf == null) {
            String why = Json.bool(data, "NeedTFA") ? "two-factor authentication is required, which ticket login "
                    + "does not support yet; use an API token or a user without TFA"
                    : "the login response has no ticket or CSRF token";
            throw new AuthenticationException(new ApiError("POST", "/access/ticket", 200, "", why, Map.of()));
        }
        return new Session(ticket, csrf, clock.instant());
    }

    @Override
    public void apply(Request.Builder request, HttpMethod method) {
        Session s = session;
        request.header("Cookie", "PVEAuthCookie=" + s.ticket());
        if (method != HttpMethod.GET) {
            request.header("CSRFPreventionToken", s.csrf());
        }
    }

    @Override
    public String describe() {
        return "ticket " + username;
    }

    @Override
    public String toString() {
        return describe();
    }
}
