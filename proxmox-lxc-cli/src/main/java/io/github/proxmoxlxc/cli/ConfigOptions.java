package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.apps.App;
import io.github.proxmoxlxc.core.apps.AppCatalogue;
import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import io.github.proxmoxlxc.core.config.Strictness;
import io.github.proxmoxlxc.core.config.VarsPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The configuration layers: {@code .vars} files, environment {@code var_*} and {@code --set}. */
final class ConfigOptions {
    @Option(names = "--defaults", paramLabel = "FILE",
            description = "The global default.vars (default: build.func's search paths:"
                    + " /usr/local/community-scripts/default.vars, ~/.config/community-scripts/default.vars,"
                    + " ./default.vars).")
    Path defaults;

    @Option(names = "--app", paramLabel = "NAME",
            description = "The app: a slug or name of the community-scripts catalogue (see 'apps search') sets the"
                    + " app-profile layer (cpu/ram/disk floors, OS and version, privileges, tags); any name sets the"
                    + " hostname default and <app>.vars.")
    String app;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "The catalogue app's install method, e.g. alpine (see 'apps show NAME'; default: default).")
    String variant;

    @Option(names = "--app-profile", paramLabel = "FILE",
            description = "What the app needs (.vars format), instead of the catalogue's; its var_cpu/var_ram/var_disk"
                    + " are floors.")
    Path appProfile;

    @Option(names = "--app-vars", paramLabel = "FILE",
            description = "The app's saved defaults (default: /usr/local/community-scripts/defaults/<app>.vars if it"
                    + " exists).")
    Path appVars;

    @Option(names = "--set", paramLabel = "var_x=value",
            description = "An explicit value, highest precedence (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--lenient", description = "Skip invalid .vars values with a warning (as build.func does)"
            + " instead of failing.")
    boolean lenient;

    /** Notes from the last {@link #resolve}: where app-specific values were looked for and not found. */
    final List<String> notes = new ArrayList<>();

    /** The catalogue app named by {@code --app}, if it is one. */
    Optional<App> catalogueApp() {
        return app == null || app.isBlank() ? Optional.empty() : AppCatalogue.bundled().find(app);
    }

    /** Resolves every layer; environment {@code var_*} come from the context's environment. */
    ResolvedConfig resolve(CliContext ctx) {
        notes.clear();
        VarsPaths paths = VarsPaths.of(ctx.root(), ctx.env(), ctx.cwd());
        ConfigResolver.Builder b = ConfigResolver.builder()
                .env(ctx.env())
                .strictness(lenient ? Strictness.LENIENT : Strictness.STRICT);
        if (app != null) {
            if (app.isBlank()) {
                throw CliException.invalid("--app", app, "must not be blank");
            }
            b.app(app);
        }
        Optional<App> known = catalogueApp();
        if (variant != null) {
            if (known.isEmpty()) {
                throw CliException.invalid("--variant", variant, "needs --app with an app of the community-scripts"
                        + " catalogue" + (app == null ? "" : "; '" + app + "' is not one (see: proxmox-lxc apps search)"));
            }
            if (!known.get().variants().contains(variant.toLowerCase(Locale.ROOT))) {
                throw CliException.invalid("--variant", variant, "one of " + known.get().slug()
                        + "'s install methods: " + String.join(", ", known.get().variants()));
            }
            b.variant(variant);
        }
        Optional<Path> d = defaults != null ? Optional.of(file("--defaults", ctx, defaults)) : paths.findDefaultVars();
        d.ifPresent(b::defaults);
        if (appProfile != null) {
            b.appProfile(file("--app-profile", ctx, appProfile));
        }
        if (appVars != null) {
            b.appVars(file("--app-vars", ctx, appVars));
        } else if (app != null) {
            Path saved = paths.appVars(known.map(App::nsapp).orElse(app));
            if (Files.isRegularFile(saved)) {
                b.appVars(saved);
            } else if (known.isEmpty() && appProfile == null) {
                notes.add("app: looked for " + app + "'s saved defaults at " + saved + " (not found); give them"
                        + " with --app-vars FILE or what the app needs with --app-profile FILE");
            }
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage("--set", s, "must be var_x=value, e.g. --set var_cpu=4");
            }
            if (s.substring(0, eq).strip().equalsIgnoreCase("var_pw")) {
                // a command line is visible to every user in ps and lands in shell history
                throw CliException.invalid("--set", "var_pw=***", "a password is never taken as an argument; set the"
                        + " environment variable var_pw or put var_pw in the --defaults file (mode 600)");
            }
            b.set(s.substring(0, eq), s.substring(eq + 1));
        }
        return b.build().resolve();
    }

    private static Path file(String option, CliContext ctx, Path p) {
        Path f = ctx.cwd().resolve(p);
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
            throw CliException.invalid(option, p.toString(), "must be a readable file");
        }
        return f;
    }
}
