package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.client.UnexpectedResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Maps response lists element by element; the client package's results themselves are built by its
 * package-private {@code Wire} (their constructors are package-private).
 */
public final class Decoders {
    private Decoders() {
    }

    /**
     * Maps each element of an array; a missing or null {@code data} gives an empty list.
     *
     * @param <T> the element type
     * @param data the envelope's {@code data}, possibly missing or null
     * @param f maps one element object
     * @return the elements, unmodifiable
     * @throws UnexpectedResponseException when {@code data} is present but not an array, or an
     *     element is not an object
     */
    public static <T> List<T> list(JsonNode data, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        if (data == null || data.isNull() || data.isMissingNode()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw new UnexpectedResponseException("response 'data' is " + Json.kind(data)
                    + " where a list was expected; the server or a proxy in between is not answering as Proxmox VE does");
        }
        for (JsonNode n : data) {
            if (!n.isObject()) {
                throw new UnexpectedResponseException("response 'data' holds " + Json.kind(n)
                        + " where a list of objects was expected");
            }
            out.add(f.apply(n));
        }
        return List.copyOf(out);
    }
}
