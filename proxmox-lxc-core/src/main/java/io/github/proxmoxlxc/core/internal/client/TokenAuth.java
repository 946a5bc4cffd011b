package io.github.proxmoxlxc.core.internal.client;

import io.github.proxmoxlxc.core.client.HttpMethod;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.Request;

/** API token auth: {@code Authorization: PVEAPIToken=user@realm!tokenid=secret}, no CSRF. */
public final class TokenAuth implements Auth {
    private static final Pattern TOKEN_ID =
            Pattern.compile("[^\\s:/@]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+");

    private final String tokenId;
    private final String header;

    /**
     * Checks the id format up front; the secret is never put in a message.
     *
     * @param tokenId {@code user@realm!tokenid}
     * @param secret the token secret (a UUID)
     */
    public TokenAuth(String tokenId, String secret) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(secret, "secret");
        int eq = tokenId.indexOf('=');
        if (eq >= 0) {
            // the GUI shows "user@realm!name=SECRET" together: never echo what follows '='
            throw new IllegalArgumentException("tokenId: '" + tokenId.substring(0, eq) + "=***' holds a '=' and "
                    + "probably the secret; give the id (user@realm!tokenid) and the secret separately");
        }
        if (!TOKEN_ID.matcher(tokenId).matches()) {
            throw new IllegalArgumentException("tokenId: '" + tokenId + "' is not a token id of the form "
                    + "user@realm!tokenid (realm and tokenid: a letter, then letters, digits, '.', '-', '_')");
        }
        if (secret.isBlank() || secret.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("secret: the token secret must be non-empty printable ASCII "
                    + "without whitespace (value not shown)");
        }
        this.tokenId = tokenId;
        this.header = "PVEAPIToken=" + tokenId + "=" + secret;
    }

    @Override
    public void prepare(ApiExecutor executor) {
        // a token needs no login
    }

    @Override
    public void apply(Request.Builder request, HttpMethod method) {
        request.header("Authorization", header);
    }

    @Override
    public String describe() {
        return "token " + tokenId;
    }

    @Override
    public String toString() {
        return describe();
    }
}
