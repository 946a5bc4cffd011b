package io.github.proxmoxlxc.core.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.proxmoxlxc.core.ProxmoxException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the bundled catalogue resource written by {@code tools/generate-app-catalogue.py}. */
final class CatalogueLoader {
    static final String RESOURCE = "community-scripts-apps.json";
    /** More than the resource will ever need; a corrupt or replaced resource fails loudly. */
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private CatalogueLoader() {
    }

    static AppCatalogue bundled() {
        try (InputStream in = CatalogueLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ProxmoxException("the bundled app catalogue " + RESOURCE
                        + " is missing from proxmox-lxc-core");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProxmoxException("the bundled app catalogue is larger than " + MAX_BYTES
                        + " bytes");
            }
            return parse(new ObjectMapper().readTree(bytes));
        } catch (IOException e) {
            throw new ProxmoxException("cannot read the bundled app catalogue: " + e.getMessage(), e);
        }
    }

    static AppCatalogue parse(JsonNode root) {
        JsonNode src = root.path("source");
        List<App> apps = new ArrayList<>();
        for (JsonNode a : root.path("apps")) {
            App.Fields f = new App.Fields();
            f.slug = text(a, "slug");
            f.name = text(a, "name");
            List<String> cats = new ArrayList<>();
            a.path("categories").forEach(c -> cats.add(c.asText()));
            f.categories = cats;
            f.port = a.path("port").asInt(0);
            f.privileged = a.path("privileged").asBoolean(false);
            f.updateable = a.path("updateable").asBoolean(false);
            f.configPath = text(a, "config_path");
            f.website = text(a, "website");
            f.documentation = text(a, "documentation");
            f.username = text(a, "username");
            f.password = text(a, "password");
            List<InstallMethod> methods = new ArrayList<>();
            for (JsonNode m : a.path("methods")) {
                methods.add(new InstallMethod(text(m, "type"), text(m, "script"), m.path("cpu").asInt(0),
                        m.path("ram").asInt(0), m.path("disk").asInt(0), text(m, "os"), text(m, "version")));
            }
            f.methods = methods;
            f.ctScript = text(a, "ct_script");
            f.installScript = text(a, "install_script");
            Map<String, String> vars = new LinkedHashMap<>();
            a.path("ct_vars").properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
            f.ctVars = vars;
            if (f.slug == null || f.name == null) {
                throw new ProxmoxException("the bundled app catalogue has an app without slug or name: " + a);
            }
            apps.add(new App(f));
        }
        return new AppCatalogue(apps, text(src, "repo"), text(src, "license"), text(src, "metadata_commit"),
                text(src, "scripts_commit"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
