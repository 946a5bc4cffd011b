package io.github.proxmoxlxc.core.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Proxmox VE API error response said, kept whole so nothing of the diagnosis is lost.
 *
 * <p>Proxmox puts the error text in different places depending on the failure and the server
 * version: the body's {@code message} (PVE 8.3+), the HTTP reason phrase (401s, proxy errors
 * 595/596, older servers) and the {@code errors} map of parameter problems. All three are kept.
 * Never holds a secret: the request is only its method and path (no query, no body).
 *
 * @param method the HTTP method of the failed request
 * @param path the API path below {@code /api2/json}, without query string
 * @param status the HTTP status code
 * @param reasonPhrase the HTTP reason phrase, empty if none
 * @param message the body's {@code message} without trailing newline; empty if absent
 * @param errors the body's {@code errors} map (parameter name to problem), possibly empty
 */
public record ApiError(String method, String path, int status, String reasonPhrase, String message,
                       Map<String, String> errors) implements java.io.Serializable {

    /**
     * Validates and copies the values.
     *
     * @param method the HTTP method of the failed request
     * @param path the API path below {@code /api2/json}, without query string
     * @param status the HTTP status code
     * @param reasonPhrase the HTTP reason phrase, empty if none
     * @param message the body's {@code message} without trailing newline; empty if absent
     * @param errors the body's {@code errors} map (parameter name to problem), possibly empty
     */
    public ApiError {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
        Objects.requireNonNull(message, "message");
        errors = Map.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /**
     * The best human text for this error: the body's message, else the reason phrase.
     *
     * @return the error text, never null
     */
    public String text() {
        return !message.isBlank() ? message : reasonPhrase;
    }

    /**
     * The body's {@code message}, if the server sent one.
     *
     * @return the message
     */
    public Optional<String> bodyMessage() {
        return message.isEmpty() ? Optional.empty() : Optional.of(message);
    }

    /**
     * One line describing the error: {@code "POST /nodes/pve1/lxc: 500 CT is locked (create)"},
     * followed by the field errors if any.
     *
     * @return the description
     */
    public String describe() {
        StringBuilder sb = new StringBuilder()
                .append(method).append(' ').append(path).append(": ").append(status);
        String text = text();
        if (!text.isEmpty()) {
            sb.append(' ').append(text);
        }
        if (!errors.isEmpty()) {
            sb.append(' ').append(new java.util.TreeMap<>(errors));
        }
        return sb.toString();
    }
}
