package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Decoders;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The appliance template index of a node ({@code /nodes/{node}/aplinfo}). From {@link Node#appliances()}. */
public final class Appliances {
    private final ApiExecutor api;
    private final String path;

    Appliances(ApiExecutor api, String nodePath) {
        this.api = api;
        this.path = nodePath + "/aplinfo";
    }

    /**
     * Lists the templates available for download ({@code GET .../aplinfo}).
     *
     * @return the templates
     */
    public List<Appliance> list() {
        return Decoders.list(api.data(HttpMethod.GET, path, Map.of()), Wire::appliance);
    }

    /**
     * Starts downloading a template to a storage ({@code POST .../aplinfo}); sent once, never retried.
     *
     * @param storage a storage with content {@code vztmpl}, e.g. {@code local}
     * @param template the {@link Appliance#template()} name
     * @return the {@code download} task
     */
    public Upid download(String storage, String template) {
        Objects.requireNonNull(template, "template");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("storage", Paths.storage(storage));
        p.put("template", template);
        return ApiSupport.upid(api.data(HttpMethod.POST, path, p), "POST " + path);
    }
}
