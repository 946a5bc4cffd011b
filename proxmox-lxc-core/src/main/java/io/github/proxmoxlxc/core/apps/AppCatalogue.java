package io.github.proxmoxlxc.core.apps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The community-scripts app catalogue: lookup by slug or name, "did you mean" suggestions,
 * search by text and category.
 *
 * <pre>{@code
 * AppCatalogue apps = AppCatalogue.bundled();
 * App jellyfin = apps.get("Jellyfin");              // slug or name, any case
 * apps.suggestions("jelyfin");                      // [jellyfin]
 * apps.search("media server");                      // apps whose slug, name or category match
 * apps.inCategory("Media & Streaming");
 * }</pre>
 *
 * <p>The bundled catalogue holds the facts of the container apps of
 * <a href="https://github.com/community-scripts/ProxmoxVE">community-scripts/ProxmoxVE</a>
 * (MIT licence, see {@code META-INF/NOTICE}); it is generated from a data file by
 * {@code proxmox-lxc-core/tools/generate-app-catalogue.py} and read on first use.
 */
public final class AppCatalogue {
    private final List<App> apps;
    private final Map<String, App> byKey;
    private final String repository;
    private final String license;
    private final String metadataCommit;
    private final String scriptsCommit;

    AppCatalogue(List<App> apps, String repository, String license, String metadataCommit,
            String scriptsCommit) {
        List<App> sorted = new ArrayList<>(apps);
        sorted.sort(Comparator.comparing(App::slug));
        this.apps = List.copyOf(sorted);
        Map<String, App> keys = new LinkedHashMap<>();
        for (App a : this.apps) {
            keys.put(key(a.slug()), a);
        }
        for (App a : this.apps) {
            keys.putIfAbsent(key(a.nsapp()), a);
            keys.putIfAbsent(key(a.name()), a);
            keys.putIfAbsent(squash(a.name()), a);
        }
        this.byKey = Collections.unmodifiableMap(keys);
        this.repository = Objects.requireNonNullElse(repository, "community-scripts/ProxmoxVE");
        this.license = Objects.requireNonNullElse(license, "MIT License");
        this.metadataCommit = Objects.requireNonNullElse(metadataCommit, "");
        this.scriptsCommit = Objects.requireNonNullElse(scriptsCommit, "");
    }

    private static final class Holder {
        static final AppCatalogue BUNDLED = CatalogueLoader.bundled();
    }

    /**
     * The catalogue shipped in this artifact, read once on first use.
     *
     * @return the catalogue
     * @throws io.github.proxmoxlxc.core.ProxmoxException if the resource is missing or corrupt
     */
    public static AppCatalogue bundled() {
        return Holder.BUNDLED;
    }

    private static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    private static String squash(String s) {
        return key(s).replaceAll("[\\s_.-]+", "");
    }

    /**
     * Every app, by slug.
     *
     * @return an unmodifiable list
     */
    public List<App> all() {
        return apps;
    }

    /**
     * The number of apps.
     *
     * @return the count
     */
    public int size() {
        return apps.size();
    }

    /**
     * Finds an app by slug, build.func name ({@code NSAPP}) or display name, ignoring case (and,
     * for names, spaces, dots, dashes and underscores).
     *
     * @param slugOrName e.g. {@code jellyfin}, {@code Jellyfin} or {@code Jellyfin Media Server}
     * @return the app, or empty
     */
    public Optional<App> find(String slugOrName) {
        Objects.requireNonNull(slugOrName, "slugOrName");
        App a = byKey.get(key(slugOrName));
        if (a == null) {
            a = byKey.get(squash(slugOrName));
        }
        return Optional.ofNullable(a);
    }

    /**
     * Finds an app or says what was meant.
     *
     * @param slugOrName a slug or name
     * @return the app
     * @throws UnknownAppException when no app has that slug or name, with suggestions
     */
    public App get(String slugOrName) {
        return find(slugOrName).orElseThrow(() -> new UnknownAppException(slugOrName,
                suggestions(slugOrName), apps.size()));
    }

    /**
     * Slugs close to a mistyped name: small edit distance to a slug or name, or a slug that
     * contains the text; the closest first, at most five.
     *
     * @param text e.g. {@code jelyfin}
     * @return e.g. {@code [jellyfin]}; empty when nothing is close
     */
    public List<String> suggestions(String text) {
        String t = key(Objects.requireNonNull(text, "text"));
        if (t.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(3, t.length() / 3));
        List<Map.Entry<App, Integer>> scored = new ArrayList<>();
        for (App a : apps) {
            int d = Math.min(Suggest.distance(t, a.slug()), Suggest.distance(squash(t), squash(a.name())));
            if (d <= limit) {
                scored.add(Map.entry(a, d));
            } else if (t.length() >= 3 && (a.slug().contains(t) || squash(a.name()).contains(squash(t)))) {
                scored.add(Map.entry(a, limit + 1));
            }
        }
        scored.sort(Map.Entry.<App, Integer>comparingByValue()
                .thenComparing(e -> e.getKey().slug()));
        return scored.stream().limit(5).map(e -> e.getKey().slug()).toList();
    }

    /**
     * Searches slugs, names, categories and tags: every word of the text must occur in one of
     * them (any case). Exact slug first, then slugs starting with the text, then by slug.
     *
     * @param text e.g. {@code media} or {@code home assistant}
     * @return the matching apps; all apps for blank text
     */
    public List<App> search(String text) {
        String t = key(Objects.requireNonNull(text, "text"));
        String[] words = t.isEmpty() ? new String[0] : t.split("\\s+");
        List<App> out = new ArrayList<>();
        for (App a : apps) {
            String hay = (a.slug() + " " + a.name() + " " + String.join(" ", a.categories()) + " "
                    + a.ctVarsAtHead().getOrDefault("var_tags", "").replace(';', ' ')).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                if (!hay.contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingInt((App a) -> a.slug().equals(t) ? 0 : a.slug().startsWith(t) ? 1 : 2)
                .thenComparing(App::slug));
        return List.copyOf(out);
    }

    /**
     * Searches within one category.
     *
     * @param text the text, as {@link #search(String)}
     * @param category a category name, as {@link #inCategory(String)}
     * @return the matching apps of that category
     */
    public List<App> search(String text, String category) {
        List<App> in = inCategory(category);
        return search(text).stream().filter(in::contains).toList();
    }

    /**
     * The apps of a category: its full name (any case, e.g. {@code media & streaming}) or a word
     * that starts it (e.g. {@code media}).
     *
     * @param category the category
     * @return the apps, by slug; empty for an unknown category
     */
    public List<App> inCategory(String category) {
        String c = key(Objects.requireNonNull(category, "category"));
        List<App> out = new ArrayList<>();
        for (App a : apps) {
            for (String ac : a.categories()) {
                String k = key(ac);
                if (k.equals(c) || (!c.isEmpty() && k.startsWith(c))) {
                    out.add(a);
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Every category name.
     *
     * @return sorted, unmodifiable
     */
    public List<String> categories() {
        TreeSet<String> all = new TreeSet<>();
        apps.forEach(a -> all.addAll(a.categories()));
        return List.copyOf(all);
    }

    /**
     * The scripts repository the facts come from.
     *
     * @return {@code community-scripts/ProxmoxVE}
     */
    public String repository() {
        return repository;
    }

    /**
     * The licence of the facts.
     *
     * @return e.g. {@code MIT License, Copyright (c) 2021-2026 tteck | community-scripts ORG}
     */
    public String license() {
        return license;
    }

    /**
     * The commit of the website metadata (names, ports, figures, credentials).
     *
     * @return a 40-digit commit id, or empty text when unknown
     */
    public String metadataCommit() {
        return metadataCommit;
    }

    /**
     * The commit whose {@code ct/<slug>.sh} gave {@link App#ctVarsAtHead()}; also the commit
     * {@link ScriptSource#pinned(AppCatalogue)} fetches install scripts from.
     *
     * @return a 40-digit commit id, or empty text when unknown
     */
    public String scriptsCommit() {
        return scriptsCommit;
    }

    @Override
    public String toString() {
        return "AppCatalogue[" + apps.size() + " apps from " + repository + "@"
                + (scriptsCommit.length() > 12 ? scriptsCommit.substring(0, 12) : scriptsCommit) + "]";
    }
}
