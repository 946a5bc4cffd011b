package io.github.proxmoxlxc.core.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to reach an installed app: the container's address, the web URL
 * ({@code http://<ip>:<port>}) when the app has a port, and the default credentials when the
 * catalogue lists them. This is what build.func prints after "Completed successfully!".
 */
public final class AppAccess {
    private final App app;
    private final Optional<String> address;

    AppAccess(App app, Optional<String> address) {
        this.app = app;
        this.address = address.map(AppAccess::bare).filter(a -> !a.isEmpty());
    }

    private static String bare(String address) {
        String a = address.trim();
        int slash = a.indexOf('/');
        return slash >= 0 ? a.substring(0, slash) : a;
    }

    /**
     * The app.
     *
     * @return the app
     */
    public App app() {
        return app;
    }

    /**
     * The container's address without prefix length.
     *
     * @return e.g. {@code 192.168.100.158}, or empty when none is known
     */
    public Optional<String> address() {
        return address;
    }

    /**
     * The web URL, as build.func prints it.
     *
     * @return {@code http://<ip>:<port>} (an IPv6 address in brackets), or empty when the app has
     *     no port or no address is known
     */
    public Optional<String> url() {
        if (address.isEmpty() || app.port().isEmpty()) {
            return Optional.empty();
        }
        String host = address.get().indexOf(':') >= 0 ? "[" + address.get() + "]" : address.get();
        return Optional.of("http://" + host + ":" + app.port().getAsInt());
    }

    /**
     * The default user name.
     *
     * @return the name, or empty when the catalogue lists none
     */
    public Optional<String> username() {
        return app.defaultUsername();
    }

    /**
     * The default password: public knowledge from the catalogue, to be changed at once.
     *
     * @return the password, or empty when the catalogue lists none
     */
    public Optional<String> password() {
        return app.defaultPassword();
    }

    /**
     * Where the app's configuration is inside the container.
     *
     * @return the path or hint, or empty
     */
    public Optional<String> configPath() {
        return app.configPath();
    }

    /**
     * The details as lines for a person, e.g. {@code URL: http://192.168.1.5:8096}.
     *
     * @return the lines: address, URL, user, password, config; each only when known
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        address.ifPresent(a -> out.add("address   " + a));
        url().ifPresent(u -> out.add("url       " + u));
        username().ifPresent(u -> out.add("user      " + u));
        password().ifPresent(p -> out.add("password  " + p + " (the catalogue's default: change it)"));
        configPath().ifPresent(c -> out.add("config    " + c));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "AppAccess[" + app.slug() + ", " + address.orElse("-") + ", " + url().orElse("-") + "]";
    }
}
