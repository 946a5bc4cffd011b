package io.github.proxmoxlxc.core.apps;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bundled catalogue resource written by {@code tools/generate-app-catalogue.py}, with
 * the small {@link CatalogueJson} reader rather than Jackson, so that an offline
 * {@code plan --app X} loads no JSON library.
 */
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
            return parse(CatalogueJson.parse(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ProxmoxException("cannot read the bundled app catalogue: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProxmoxException("the bundled app catalogue is not valid JSON: " + e.getMessage(), e);
        }
    }

    static AppCatalogue parse(Object document) {
        Map<String, Object> root = object(document);
        Map<String, Object> src = object(root.get("source"));
        List<App> apps = new ArrayList<>();
        for (Object item : list(root.get("apps"))) {
            Map<String, Object> a = object(item);
            App.Fields f = new App.Fields();
            f.slug = text(a, "slug");
            f.name = text(a, "name");
            List<String> cats = new ArrayList<>();
            list(a.get("categories")).forEach(c -> cats.add(String.valueOf(c)));
            f.categories = cats;
            f.port = integer(a, "port");
            f.privileged = Boolean.TRUE.equals(a.get("privileged"));
            f.updateable = Boolean.TRUE.equals(a.get("updateable"));
            f.configPath = text(a, "config_path");
            f.website = text(a, "website");
            f.documentation = text(a, "documentation");
            f.username = text(a, "username");
            f.password = text(a, "password");
            List<InstallMethod> methods = new ArrayList<>();
            for (Object mo : list(a.get("methods"))) {
                Map<String, Object> m = object(mo);
                methods.add(new InstallMethod(text(m, "type"), text(m, "script"), integer(m, "cpu"),
                        integer(m, "ram"), integer(m, "disk"), text(m, "os"), text(m, "version")));
            }
            f.methods = methods;
            f.ctScript = text(a, "ct_script");
            f.installScript = text(a, "install_script");
            Map<String, String> vars = new LinkedHashMap<>();
            object(a.get("ct_vars")).forEach((k, v) -> vars.put(k, v == null ? "" : String.valueOf(v)));
            f.ctVars = vars;
            if (f.slug == null || f.name == null) {
                throw new ProxmoxException("the bundled app catalogue has an app without slug or name: " + a);
            }
            apps.add(new App(f));
        }
        return new AppCatalogue(apps, text(src, "repo"), text(src, "license"), text(src, "metadata_commit"),
                text(src, "scripts_commit"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v) {
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    private static List<?> list(Object v) {
        return v instanceof List<?> l ? l : List.of();
    }

    /** A string member (numbers and booleans as their text); absent, null or empty is null. */
    private static String text(Map<String, Object> n, String field) {
        Object v = n.get(field);
        String s = v == null ? null : String.valueOf(v);
        return s == null || s.isEmpty() ? null : s;
    }

    /** An integer member, 0 when absent or not a number (as Jackson's {@code asInt(0)}). */
    private static int integer(Map<String, Object> n, String field) {
        Object v = n.get(field);
        if (v instanceof Number num) {
            return num.intValue();
        }
        if (v instanceof String s && s.matches("-?\\d{1,9}")) {
            return Integer.parseInt(s);
        }
        return 0;
    }
}
