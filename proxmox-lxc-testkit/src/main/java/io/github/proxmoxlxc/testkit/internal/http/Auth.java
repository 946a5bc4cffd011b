package io.github.proxmoxlxc.testkit.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Token and ticket authentication as pve-http-server / pve-access-control do it. */
final class Auth {

    static final String ROOT = "root@pam";
    private static final long TICKET_LIFETIME = 2 * 3600;
    private static final long GRACE = 5 * 60;
    private static final Pattern TOKEN_HEADER = Pattern.compile("(?:^|\\s)PVEAPIToken(?:=| )([^;]*)");
    private static final Pattern COOKIE = Pattern.compile("(?:^|[;\\s])PVEAuthCookie=([^;]*)");

    private final String tokenId;
    private final String tokenSecret;
    private final String rootPassword;
    private final Clock clock;
    private final byte[] ticketKey = new byte[32];
    private final byte[] csrfKey = new byte[32];

    /** Users and further tokens (from a cluster description); the primary token and root@pam are checked here. */
    private final java.util.function.Supplier<io.github.proxmoxlxc.testkit.internal.model.Acl> acl;

    Auth(String tokenId, String tokenSecret, String rootPassword, Clock clock) {
        this(tokenId, tokenSecret, rootPassword, clock, () -> null);
    }

    Auth(String tokenId, String tokenSecret, String rootPassword, Clock clock,
            java.util.function.Supplier<io.github.proxmoxlxc.testkit.internal.model.Acl> acl) {
        this.acl = acl;
        this.tokenId = tokenId;
        this.tokenSecret = tokenSecret;
        this.rootPassword = rootPassword;
        this.clock = clock;
        SecureRandom r = new SecureRandom();
        r.nextBytes(ticketKey);
        r.nextBytes(csrfKey);
    }

    /** The outcome of an authentication attempt. */
    record Result(String user, boolean ticket, String failure) {
        static Result fail(String reason) {
            return new Result(null, false, reason);
        }
    }

    Result authenticate(String authorization, String cookie) {
        String ticket = null;
        if (cookie != null) {
            Matcher m = COOKIE.matcher(cookie);
            if (m.find()) {
                ticket = percentDecode(m.group(1));
            }
        }
        if (ticket == null && authorization != null) {
            Matcher m = COOKIE.matcher(authorization);
            if (m.find()) {
                ticket = percentDecode(m.group(1));
            }
        }
        if (ticket != null) {
            String user = verifyTicket(ticket);
            return user == null ? Result.fail("Authentication failed!") : new Result(user, true, null);
        }
        if (authorization != null) {
            Matcher m = TOKEN_HEADER.matcher(authorization);
            if (m.find()) {
                String value = percentDecode(m.group(1));
                int eq = value.lastIndexOf('=');
                if (eq > 0 && constantEq(value.substring(0, eq), tokenId) && constantEq(value.substring(eq + 1), tokenSecret)) {
                    return new Result(tokenId, false, null);
                }
                io.github.proxmoxlxc.testkit.internal.model.Acl a = acl.get();
                if (eq > 0 && a != null && a.tokenMatches(value.substring(0, eq), value.substring(eq + 1))) {
                    return new Result(value.substring(0, eq), false, null);
                }
                return Result.fail("Authentication failed!");
            }
        }
        return Result.fail("No ticket");
    }

    /** Password login; a valid ticket of the same user is accepted in place of the password (renewal). */
    String login(String username, String realm, String password) {
        String user = username.contains("@") || realm == null ? username : username + "@" + realm;
        if (!user.equals(ROOT)) {
            io.github.proxmoxlxc.testkit.internal.model.Acl a = acl.get();
            return a != null && (a.passwordMatches(user, password) || user.equals(verifyTicket(password))) ? user : null;
        }
        if (constantEq(password, rootPassword) || user.equals(verifyTicket(password))) {
            return user;
        }
        return null;
    }

    String ticketFor(String user) {
        String plain = "PVE:" + user + ":" + String.format(Locale.ROOT, "%08X", now());
        return plain + "::" + Base64.getEncoder().encodeToString(hmac(ticketKey, plain));
    }

    String csrfFor(String user) {
        String ts = String.format(Locale.ROOT, "%08X", now());
        return ts + ":" + Base64.getEncoder().withoutPadding().encodeToString(hmac(csrfKey, ts + ":" + user));
    }

    boolean verifyCsrf(String token, String user) {
        if (token == null) {
            return false;
        }
        int colon = token.indexOf(':');
        if (colon != 8) {
            return false;
        }
        String ts = token.substring(0, 8);
        String expected = ts + ":" + Base64.getEncoder().withoutPadding().encodeToString(hmac(csrfKey, ts + ":" + user));
        return constantEq(token, expected) && fresh(ts);
    }

    private String verifyTicket(String ticket) {
        int sep = ticket.indexOf("::");
        if (sep < 0 || !ticket.startsWith("PVE:")) {
            return null;
        }
        String plain = ticket.substring(0, sep);
        String sig = ticket.substring(sep + 2);
        String expected = Base64.getEncoder().encodeToString(hmac(ticketKey, plain));
        String[] parts = plain.split(":");
        if (parts.length != 3 || !constantEq(sig, expected) || !fresh(parts[2])) {
            return null;
        }
        return parts[1];
    }

    private boolean fresh(String hexTime) {
        if (!hexTime.matches("[0-9A-F]{8}")) {
            return false;
        }
        long t = Long.parseLong(hexTime, 16);
        long age = now() - t;
        return age >= -GRACE && age <= TICKET_LIFETIME;
    }

    private long now() {
        return clock.millis() / 1000;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantEq(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String percentDecode(String s) {
        return io.github.proxmoxlxc.testkit.internal.schema.Forms.percentDecode(s, false);
    }
}
