package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.config.ConfigResolver;
import io.github.proxmoxlxc.core.config.ResolvedConfig;
import io.github.proxmoxlxc.core.config.Strictness;
import io.github.proxmoxlxc.core.config.VarsPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The configuration layers: {@code .vars} files, environment {@code var_*} and {@code --set}. */
final class ConfigOptions {
    @Option(names = "--defaults", paramLabel = "FILE",
            description = "The global default.vars (default: build.func's search paths:"
                    + " /usr/local/community-scripts/default.vars, ~/.config/community-scripts/default.vars,"
                    + " ./default.vars).")
    Path defaults;

    @Option(names = "--app", paramLabel = "NAME", description = "The app name (hostname default and <app>.vars).")
    String app;

    @Option(names = "--app-profile", paramLabel = "FILE",
            description = "What the app needs (.vars format); its var_cpu/var_ram/var_disk are floors.")
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

    /** Resolves every layer; environment {@code var_*} come from the context's environment. */
    ResolvedConfig resolve(CliContext ctx) {
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
        Optional<Path> d = defaults != null ? Optional.of(file("--defaults", ctx, defaults)) : paths.findDefaultVars();
        d.ifPresent(b::defaults);
        if (appProfile != null) {
            b.appProfile(file("--app-profile", ctx, appProfile));
        }
        if (appVars != null) {
            b.appVars(file("--app-vars", ctx, appVars));
        } else if (app != null && Files.isRegularFile(paths.appVars(app))) {
            b.appVars(paths.appVars(app));
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw CliException.invalid("--set", s, "must be var_x=value");
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
