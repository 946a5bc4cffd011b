package io.github.proxmoxlxc.core.client;

import java.util.List;
import java.util.Map;

/**
 * The answer to a raw API call ({@link ProxmoxClient#call(HttpMethod, String, Map)}): the
 * {@code data} of the envelope as plain Java values, and the JSON text.
 *
 * <p>{@code data} is converted to {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code Long}, {@code Double}, {@code Boolean} or null. Proxmox's Perl typing shows through
 * (numbers may be strings, booleans are 0/1).
 *
 * @param status the HTTP status
 * @param data the envelope's {@code data}
 * @param json the full response body as JSON text
 */
public record RawResponse(int status, Object data, String json) {

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
     * @return the text, or null if data is null
     * @throws IllegalStateException if data is an object or array
     */
    public String dataAsString() {
        if (data == null || data instanceof String) {
            return (String) data;
        }
        if (data instanceof Map || data instanceof List) {
            throw new IllegalStateException("data: is not a scalar but " + kind());
        }
        return String.valueOf(data);
    }

    private String kind() {
        return data == null ? "null" : data instanceof Map ? "an object" : data instanceof List ? "an array"
                : data.getClass().getSimpleName();
    }
}
