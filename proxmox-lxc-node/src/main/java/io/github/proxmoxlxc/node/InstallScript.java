package io.github.proxmoxlxc.node;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.apps.ScriptSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An install script for the new container and the environment it runs with (as {@code build.func}
 * exports to install scripts: {@code CTID}, {@code PCT_OSTYPE}, {@code APPLICATION}, ...). The
 * script comes from a local file, a classpath resource (both sent over the SSH connection), an
 * {@code https://} URL that the node fetches itself, or a file of a {@link ScriptSource} (the
 * community scripts, a mirror or a local checkout). Generic on purpose: an app catalogue feeds its
 * script and environment in here.
 *
 * <p>With {@link #withFunctions(ScriptSource)} the script gets build.func's
 * {@code FUNCTIONS_FILE_PATH}: the contents of {@code misc/install.func} (or
 * {@code misc/alpine-install.func} in an alpine container) from that source, which community
 * install scripts read with {@code source /dev/stdin <<<"$FUNCTIONS_FILE_PATH"}.
 */
public final class InstallScript {
    private static final int MAX_BYTES = 4 << 20;
    private final String name;
    private final byte[] content;
    private final String url;
    private final Map<String, String> environment;
    private final ScriptSource functions;

    private InstallScript(String name, byte[] content, String url, Map<String, String> environment,
            ScriptSource functions) {
        this.name = name;
        this.content = content;
        this.url = url;
        this.environment = Map.copyOf(environment);
        this.functions = functions;
    }

    private InstallScript(String name, byte[] content, String url, Map<String, String> environment) {
        this(name, content, url, environment, null);
    }

    /**
     * A file of a script source: fetched by the node for a URL source (the community scripts'
     * raw URL, pinned or not, or a mirror), read now on this machine for a local checkout.
     *
     * @param source where the scripts come from
     * @param relative the repository path, e.g. {@code install/jellyfin-install.sh}
     * @return the script
     * @throws ProxmoxException when a local file cannot be read
     */
    public static InstallScript of(ScriptSource source, String relative) {
        Optional<String> u = source.url(relative);
        String fileName = relative.substring(relative.lastIndexOf('/') + 1);
        if (u.isPresent()) {
            return new InstallScript(fileName, null, u.get(), Map.of());
        }
        return new InstallScript(fileName, ContainerScripts.readLocal(source.file(relative).orElseThrow()), null,
                Map.of());
    }

    /**
     * A script from a local file (at most 4 MiB).
     *
     * @param file the script
     * @return the script, no extra environment
     */
    public static InstallScript file(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ProxmoxException("install script " + file + " is larger than 4 MiB");
            }
            return new InstallScript(file.getFileName().toString(), Files.readAllBytes(file), null, Map.of());
        } catch (IOException e) {
            throw new ProxmoxException("cannot read install script " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A script from the class path.
     *
     * @param resource an absolute resource name such as {@code /apps/jellyfin-install.sh}
     * @param loader where to look
     * @return the script
     */
    public static InstallScript classpath(String resource, ClassLoader loader) {
        String r = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(r)) {
            if (in == null) {
                throw new ProxmoxException("install script resource " + resource + " is not on the class path");
            }
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                throw new ProxmoxException("install script resource " + resource + " is larger than 4 MiB");
            }
            return new InstallScript(r.substring(r.lastIndexOf('/') + 1), b, null, Map.of());
        } catch (IOException e) {
            throw new ProxmoxException("cannot read install script resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * A script the node downloads ({@code curl -fsSL --proto =https}); only {@code https://} URLs.
     *
     * @param url the script's URL
     * @return the script
     */
    public static InstallScript url(String url) {
        URI u = URI.create(Objects.requireNonNull(url, "url"));
        if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
            throw new ProxmoxException("install script URL '" + url + "' must be https://host/...");
        }
        String path = u.getPath() == null ? "" : u.getPath();
        return new InstallScript(path.isEmpty() ? "install.sh" : path.substring(path.lastIndexOf('/') + 1), null, url,
                Map.of());
    }

    /**
     * A copy with environment variables added (later values win).
     *
     * @param env names and values
     * @return the script
     */
    public InstallScript withEnvironment(Map<String, String> env) {
        Map<String, String> m = new LinkedHashMap<>(environment);
        m.putAll(env);
        return new InstallScript(name, content, url, m, functions);
    }

    /**
     * A copy that runs with build.func's {@code FUNCTIONS_FILE_PATH}, staged from this source
     * ({@code misc/install.func}, or {@code misc/alpine-install.func} for an alpine container).
     *
     * @param source where the functions file comes from
     * @return the script
     */
    public InstallScript withFunctions(ScriptSource source) {
        return new InstallScript(name, content, url, environment, Objects.requireNonNull(source, "source"));
    }

    /**
     * Where {@code FUNCTIONS_FILE_PATH} comes from.
     *
     * @return the source, or empty when the script runs without it
     */
    public Optional<ScriptSource> functions() {
        return Optional.ofNullable(functions);
    }

    /**
     * A short name for events and logs.
     *
     * @return the file name
     */
    public String name() {
        return name;
    }

    /**
     * The environment it runs with (besides what the setup adds: {@code CTID}, {@code PCT_OSTYPE}, ...).
     *
     * @return an unmodifiable map
     */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * The URL the node fetches it from.
     *
     * @return the URL, empty for a file or resource
     */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    byte[] content() {
        return content == null ? null : content.clone();
    }

    @Override
    public String toString() {
        return "InstallScript[" + (url != null ? url : name) + ", env " + environment.keySet() + "]";
    }
}
