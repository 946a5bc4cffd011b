package io.github.proxmoxlxc.core.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a raw API call ({@link ProxmoxClient#call(HttpMethod, String, Map)}): the
 * {@code data} of the envelope as plain Java values, and the JSON text.
 *
 * <p>{@code data} is converted to {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code Long}, {@code Double} or {@code Boolean}; a JSON {@code null} (or no {@code data}) is
 * absent. Proxmox's Perl typing shows through (numbers may be strings, booleans are 0/1).
 *
 * <p>Built by the client (no public constructor).
 */
public final class RawResponse {
    private final int status;
    private final @Nullable Object data;
    private final String json;

    RawResponse(int status, @Nullable Object data, String json) {
        this.status = status;
        this.data = data;
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * {@return the HTTP status}
     */
    public int status() {
        return status;
    }

    /**
     * {@return the envelope's {@code data} as plain Java values; empty for JSON {@code null}}
     */
    public Optional<Object> data() {
        return Optional.ofNullable(data);
    }

    /**
     * {@return the full response body as JSON text}
     */
    public String json() {
        return json;
    }

    /**
     * The data as an object.
     *
     * @return the map
     * @throws IllegalStateException if data is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> dataAsMap() {
        if (data instanceof Map) {
            return (Map<String, Object>) data;
        }
        throw new IllegalStateException("data: is not a JSON object but " + kind());
    }

    /**
     * The data as a list.
     *
     * @return the list
     * @throws IllegalStateException if data is not a JSON array
     */
    @SuppressWarnings("unchecked")
    public List<Object> dataAsList() {
        if (data instanceof List) {
            return (List<Object>) data;
        }
        throw new IllegalStateException("data: is not a JSON array but " + kind());
    }

    /**
     * The data as text (a number or boolean is given in its JSON form).
     *
     * @return the text; empty if data is JSON {@code null}
     * @throws IllegalStateException if data is an object or array
     */
    public Optional<String> dataAsString() {
        if (data == null) {
            return Optional.empty();
        }
        if (data instanceof Map || data instanceof List) {
            throw new IllegalStateException("data: is not a scalar but " + kind());
        }
        return Optional.of(String.valueOf(data));
    }

    private String kind() {
        return data == null ? "null" : data instanceof Map ? "an object" : data instanceof List ? "an array"
                : data.getClass().getSimpleName();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RawResponse)) {
            return false;
        }
        RawResponse o = (RawResponse) other;
        return status == o.status && Objects.equals(data, o.data) && json.equals(o.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, data, json);
    }

    @Override
    public String toString() {
        return "RawResponse[status=" + status + ", data=" + data + ", json=" + json + "]";
    }
}
