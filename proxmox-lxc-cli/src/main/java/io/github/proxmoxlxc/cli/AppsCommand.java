package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.apps.App;
import io.github.proxmoxlxc.core.apps.AppCatalogue;
import io.github.proxmoxlxc.core.apps.InstallMethod;
import io.github.proxmoxlxc.core.config.TemplateRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code apps}: the community-scripts app catalogue bundled with the tool (offline). */
@Command(name = "apps", footer = ExitCodes.HELP,
        synopsisSubcommandLabel = "COMMAND",
        description = {"The community-scripts app catalogue: what 'create --app NAME' knows about each app.",
            "Facts from github.com/community-scripts/ProxmoxVE (MIT licence); offline, no cluster needed."},
        subcommands = {AppsCommand.ListApps.class, AppsCommand.SearchApps.class, AppsCommand.ShowApp.class})
final class AppsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing COMMAND (list, search or show)");
    }

    static AppCatalogue catalogue() {
        return AppCatalogue.bundled();
    }

    static String source(AppCatalogue c) {
        return "Source: " + c.repository() + " (" + c.license() + "), scripts at "
                + c.scriptsCommit().substring(0, Math.min(12, c.scriptsCommit().length())) + ".";
    }

    static Map<String, Object> sourceJson(AppCatalogue c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repository", c.repository());
        m.put("license", c.license());
        m.put("metadataCommit", c.metadataCommit());
        m.put("scriptsCommit", c.scriptsCommit());
        return m;
    }

    static String osOf(App a) {
        Map<String, String> p = a.profile();
        return p.getOrDefault("var_os", "?") + " " + p.getOrDefault("var_version", "?");
    }

    static Map<String, Object> summaryJson(App a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", a.slug());
        m.put("name", a.name());
        m.put("categories", a.categories());
        m.put("port", a.port().isPresent() ? a.port().getAsInt() : null);
        Map<String, String> p = a.profile();
        m.put("os", p.get("var_os"));
        m.put("version", p.get("var_version"));
        m.put("variants", a.variants());
        m.put("retired", a.retired());
        return m;
    }

    static void table(Out out, List<App> apps) {
        out.line(String.format(Locale.ROOT, "%-24s %-30s %-5s %-13s %s", "SLUG", "NAME", "PORT", "OS", "CATEGORIES"));
        for (App a : apps) {
            String name = a.name().length() > 30 ? a.name().substring(0, 28) + ".." : a.name();
            out.line(String.format(Locale.ROOT, "%-24s %-30s %-5s %-13s %s", a.slug(), name,
                    a.port().isPresent() ? Integer.toString(a.port().getAsInt()) : "-", osOf(a)
                            + (a.variants().size() > 1 ? "+" : ""),
                    String.join(", ", a.categories()) + (a.retired() ? " (retired)" : "")));
        }
    }

    /** {@code apps list}. */
    @Command(name = "list", footer = ExitCodes.HELP,
            description = "List the catalogue's apps, optionally of one category (OS with + has an alpine variant).")
    static final class ListApps implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption jsonOption;

        @Option(names = "--category", paramLabel = "C",
                description = "Only this category: its name or first word, any case (e.g. media).")
        String category;

        ListApps(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Out out = new Out(ctx, jsonOption.json);
            AppCatalogue c = catalogue();
            List<App> apps = category == null ? c.all() : c.inCategory(category);
            if (category != null && apps.isEmpty()) {
                throw CliException.invalid("--category", category, "one of the catalogue's categories: "
                        + String.join(", ", c.categories()));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("source", sourceJson(c));
            doc.put("category", category);
            doc.put("count", apps.size());
            doc.put("apps", apps.stream().map(AppsCommand::summaryJson).toList());
            out.document(doc);
            table(out, apps);
            out.line(apps.size() + " apps" + (category == null ? "" : " in category " + category)
                    + "; details: proxmox-lxc apps show SLUG");
            out.line(source(c));
            return ExitCodes.OK;
        }
    }

    /** {@code apps search}. */
    @Command(name = "search", footer = ExitCodes.HELP,
            description = "Find apps whose slug, name, category or tags contain every word of TEXT (any case).")
    static final class SearchApps implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption jsonOption;

        @Option(names = "--category", paramLabel = "C", description = "Only this category (name or first word).")
        String category;

        @Parameters(paramLabel = "TEXT", arity = "1..*", description = "Words to find, e.g. media server.")
        List<String> words = new ArrayList<>();

        SearchApps(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Out out = new Out(ctx, jsonOption.json);
            AppCatalogue c = catalogue();
            String text = String.join(" ", words);
            List<App> apps = category == null ? c.search(text) : c.search(text, category);
            List<String> close = apps.isEmpty() ? c.suggestions(text) : List.of();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("query", text);
            doc.put("category", category);
            doc.put("count", apps.size());
            doc.put("apps", apps.stream().map(AppsCommand::summaryJson).toList());
            doc.put("suggestions", close);
            out.document(doc);
            if (apps.isEmpty()) {
                out.line("No app matches '" + text + "'" + (category == null ? "" : " in category " + category)
                        + (close.isEmpty() ? "." : "; did you mean " + String.join(", ", close) + "?"));
                return ExitCodes.OK;
            }
            table(out, apps);
            out.line(apps.size() + (apps.size() == 1 ? " app matches" : " apps match") + " '" + text + "'"
                    + "; details: proxmox-lxc apps show SLUG");
            return ExitCodes.OK;
        }
    }

    /** {@code apps show}. */
    @Command(name = "show", footer = ExitCodes.HELP,
            description = "Show one app: resources, OS, port, privileges, scripts, and what 'create --app' would set.")
    static final class ShowApp implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        JsonOption jsonOption;

        @Parameters(paramLabel = "SLUG", description = "The app's slug or name, any case (e.g. jellyfin).")
        String slug;

        ShowApp(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Out out = new Out(ctx, jsonOption.json);
            AppCatalogue c = catalogue();
            App a = c.find(slug).orElseThrow(() -> {
                List<String> close = c.suggestions(slug);
                return CliException.invalid("SLUG", slug, "an app of the community-scripts catalogue ("
                        + c.size() + " apps)" + (close.isEmpty() ? "; find one with: proxmox-lxc apps search TEXT"
                                : "; did you mean " + String.join(", ", close) + "?"));
            });
            Map<String, Object> doc = new LinkedHashMap<>(summaryJson(a));
            doc.put("nsapp", a.nsapp());
            doc.put("privileged", a.privileged());
            doc.put("updateable", a.updateable());
            doc.put("configPath", a.configPath().orElse(null));
            doc.put("website", a.website().orElse(null));
            doc.put("documentation", a.documentation().orElse(null));
            Map<String, Object> creds = new LinkedHashMap<>();
            creds.put("username", a.defaultUsername().orElse(null));
            creds.put("password", a.defaultPassword().orElse(null));
            doc.put("defaultCredentials", creds);
            doc.put("ctScript", a.ctScript().orElse(null));
            doc.put("installScript", a.installScript().orElse(null));
            doc.put("ctVarsAtHead", a.ctVarsAtHead());
            List<Object> methods = new ArrayList<>();
            Map<String, Object> sets = new LinkedHashMap<>();
            for (String v : a.variants()) {
                Optional<InstallMethod> m = a.installMethod(v);
                Map<String, Object> mj = new LinkedHashMap<>();
                mj.put("type", v);
                mj.put("ctScript", m.flatMap(InstallMethod::ctScript).orElse(null));
                mj.put("installScript", a.installScript(v).orElse(null));
                mj.put("cpu", m.isPresent() && m.get().cpu().isPresent() ? m.get().cpu().getAsInt() : null);
                mj.put("ramMiB", m.isPresent() && m.get().ramMiB().isPresent() ? m.get().ramMiB().getAsInt() : null);
                mj.put("diskGiB", m.isPresent() && m.get().diskGiB().isPresent() ? m.get().diskGiB().getAsInt() : null);
                mj.put("os", m.flatMap(InstallMethod::os).orElse(null));
                mj.put("version", m.flatMap(InstallMethod::version).orElse(null));
                methods.add(mj);
                Map<String, Object> set = new LinkedHashMap<>();
                Map<String, String> profile = a.profile(v);
                set.put("values", profile);
                set.put("template", template(profile));
                sets.put(v, set);
            }
            doc.put("installMethods", methods);
            doc.put("createSets", sets);
            doc.put("source", sourceJson(c));
            out.document(doc);
            if (!out.json()) {
                human(out, c, a);
            }
            return ExitCodes.OK;
        }

        private static String template(Map<String, String> profile) {
            TemplateRef ref = new TemplateRef(profile.get("var_os"), profile.get("var_version"), Optional.empty());
            return ref.searchPrefix() + (ref.flavour().equals("-standard_") ? "-standard" : "-default");
        }

        private static void human(Out out, AppCatalogue c, App a) {
            out.line(a.name() + " (" + a.slug() + ")" + (a.retired() ? "  RETIRED: the community scripts no longer"
                    + " install it" : ""));
            out.line("  categories   " + String.join(", ", a.categories()));
            out.line("  web port     " + (a.port().isPresent() ? a.port().getAsInt() + "  (after install: http://<ip>:"
                    + a.port().getAsInt() + ")" : "-"));
            out.line("  privileged   " + (a.privileged() ? "yes" : "no"));
            out.line("  updateable   " + (a.updateable() ? "yes" : "no"));
            out.line("  config       " + a.configPath().orElse("-"));
            out.line("  website      " + a.website().orElse("-"));
            out.line("  docs         " + a.documentation().orElse("-"));
            out.line("  credentials  " + (a.defaultUsername().isEmpty() && a.defaultPassword().isEmpty() ? "-"
                    : "user " + a.defaultUsername().orElse("-") + ", password " + a.defaultPassword().orElse("-")));
            out.line("  scripts      " + a.ctScript().orElse("-") + ", " + a.installScript().orElse("-"));
            out.line("  hostname     " + a.nsapp());
            out.line("Install methods (the website's figures):");
            for (InstallMethod m : a.installMethods()) {
                out.line(String.format(Locale.ROOT, "  %-8s %s cpu, %s MiB, %s GiB, %s %s  (%s, %s)", m.type(),
                        m.cpu().isPresent() ? m.cpu().getAsInt() : "?", m.ramMiB().isPresent() ? m.ramMiB().getAsInt() : "?",
                        m.diskGiB().isPresent() ? m.diskGiB().getAsInt() : "?", m.os().orElse("?"),
                        m.version().orElse("?"), m.ctScript().orElse("-"), a.installScript(m.type()).orElse("-")));
            }
            for (String v : a.variants()) {
                Map<String, String> profile = a.profile(v);
                out.line("create --app " + a.slug() + (v.equals(App.DEFAULT_VARIANT) ? "" : " --variant " + v)
                        + " sets (layer app-profile; var_cpu/var_ram/var_disk are floors for saved .vars):");
                profile.forEach((k, val) -> out.line("  " + k + "=" + val));
                out.line("  template     " + template(profile));
            }
            if (a.retired()) {
                out.line("Retired: " + a.ctScript().orElse("its ct script") + " sets no var_* at the catalogue's"
                        + " commit; the figures above are the website's and there is no install script.");
            }
            out.line(source(c));
        }
    }
}
