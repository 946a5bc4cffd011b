package io.github.proxmoxlxc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds Java in text meant for people: {@code java.*} names, exception class names, this
 * project's class names and its public camelCase method names (builder methods such as
 * {@code keepOnFailure} or {@code waitForIp}), and {@code name()} calls. JSON keys are not
 * scanned (they are the documented contract).
 */
public final class JavaNames {
    private static final Pattern GENERIC = Pattern.compile(
            "\\bjavax?\\.[a-z]\\w*|\\bio\\.github\\.proxmoxlxc\\b|\\b\\w*Exception\\b|\\b[a-z]\\w*\\(\\)");
    /** {@code "key":} in a document, and {@code {"key", "key"}} where a help text lists a document's keys. */
    private static final Pattern JSON_KEY = Pattern.compile("\"[A-Za-z0-9_]+\"(?=\\s*[:,}])");
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*\\b");
    private static final Set<String> NAMES = projectNames();

    private JavaNames() {
    }

    /** The Java-looking names in {@code text}, empty when none. */
    public static List<String> find(String text) {
        String t = JSON_KEY.matcher(text).replaceAll("\"\"");
        List<String> hits = new ArrayList<>();
        Matcher g = GENERIC.matcher(t);
        while (g.find()) {
            hits.add(g.group());
        }
        Matcher w = WORD.matcher(t);
        while (w.find()) {
            if (NAMES.contains(w.group())) {
                hits.add(w.group());
            }
        }
        return hits;
    }

    /** Fails when {@code text} holds a Java-looking name. */
    public static void assertNone(String what, String text) {
        List<String> hits = find(text);
        if (!hits.isEmpty()) {
            throw new AssertionError(what + " names Java " + hits + " (the CLI speaks of flags and environment"
                    + " variables):\n" + text);
        }
    }

    /** CamelCase class names (two humps or more) and public camelCase method names of every main module. */
    private static Set<String> projectNames() {
        Set<String> names = new TreeSet<>();
        Pattern camelClass = Pattern.compile("[A-Z][a-z0-9]+[A-Z]\\w*");
        Pattern camelMethod = Pattern.compile("[a-z][a-z0-9]*[A-Z]\\w*");
        for (String module : List.of("proxmox-lxc-core", "proxmox-lxc-hardware", "proxmox-lxc-testkit",
                "proxmox-lxc-cli")) {
            Path src = Path.of("..", module, "src", "main", "java");
            if (!Files.isDirectory(src)) {
                throw new IllegalStateException("no sources at " + src.toAbsolutePath());
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    String simple = f.getFileName().toString().replace(".java", "");
                    if (simple.contains("-")) {
                        continue;
                    }
                    if (camelClass.matcher(simple).matches()) {
                        names.add(simple);
                    }
                    String fqcn = src.relativize(f).toString().replace(".java", "").replace('/', '.');
                    try {
                        Class<?> c = Class.forName(fqcn, false, JavaNames.class.getClassLoader());
                        List<Class<?>> types = new ArrayList<>(List.of(c));
                        types.addAll(List.of(c.getDeclaredClasses()));
                        for (Class<?> type : types) {
                            if (camelClass.matcher(type.getSimpleName()).matches()) {
                                names.add(type.getSimpleName());
                            }
                            if (!Modifier.isPublic(type.getModifiers())) {
                                continue;
                            }
                            for (Method m : type.getDeclaredMethods()) {
                                if (Modifier.isPublic(m.getModifiers()) && camelMethod.matcher(m.getName()).matches()) {
                                    names.add(m.getName());
                                }
                            }
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a source without a loadable class of that name (module-info): the file name suffices
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
