package io.github.proxmoxlxc.core.apps;

import io.github.proxmoxlxc.core.ProxmoxException;
import java.util.List;

/** No app of the catalogue has the slug or name asked for; carries close names. */
public final class UnknownAppException extends ProxmoxException {
    private static final long serialVersionUID = 1L;

    /** Serializable copy of the suggestions. */
    private final String[] suggestions;
    private final String name;

    UnknownAppException(String name, List<String> suggestions, int size) {
        super("app '" + name + "' is not in the community-scripts catalogue (" + size + " apps)"
                + (suggestions.isEmpty() ? "; search it with AppCatalogue.search"
                        : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.name = name;
        this.suggestions = suggestions.toArray(String[]::new);
    }

    /**
     * The slug or name asked for.
     *
     * @return the text as given
     */
    public String name() {
        return name;
    }

    /**
     * Close slugs, the closest first.
     *
     * @return e.g. {@code [jellyfin]}; may be empty
     */
    public List<String> suggestions() {
        return List.of(suggestions);
    }
}
