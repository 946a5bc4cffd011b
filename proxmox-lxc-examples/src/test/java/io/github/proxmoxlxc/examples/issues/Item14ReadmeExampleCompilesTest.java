package io.github.proxmoxlxc.examples.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 14: the README's Example compiles as printed, imports included, as main code of
 * a fresh project that has only the README's Maven coordinates. The class path is what those
 * coordinates give main code: {@code target/readme-classpath.txt}, written by the
 * maven-dependency-plugin (compile scope; the test-scoped testkit and its dependencies left out).
 */
class Item14ReadmeExampleCompilesTest {
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path project;

    private static String section(String readme, String name) {
        int start = readme.indexOf("\n## " + name + "\n");
        assertThat(start).as("section %s", name).isNotNegative();
        int end = readme.indexOf("\n## ", start + 4);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String firstBlock(String section, String lang) {
        int open = section.indexOf("```" + lang + "\n");
        assertThat(open).as("a ```%s block", lang).isNotNegative();
        int from = open + 4 + lang.length();
        return section.substring(from, section.indexOf("\n```", from) + 1);
    }

    /** The README's coordinates: artifactId to scope ("compile" when none is given). */
    private static List<String[]> coordinates(String readme) {
        String xml = firstBlock(section(readme, "Maven coordinates"), "xml");
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            Matcher a = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(m.group(1));
            Matcher s = Pattern.compile("<scope>([^<]+)</scope>").matcher(m.group(1));
            assertThat(a.find()).isTrue();
            out.add(new String[] {a.group(1), s.find() ? s.group(1) : "compile"});
        }
        return out;
    }

    /** What the coordinates put on main code's class path. */
    private static List<String> mainClasspath(List<String[]> coordinates) throws Exception {
        Path file = Path.of("target/readme-classpath.txt");
        assertThat(file).as("written by the maven-dependency-plugin in generate-test-resources").exists();
        List<String> entries = Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).strip()
                .split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
        List<String> mainArtifacts = coordinates.stream().filter(c -> !c[1].equals("test")).map(c -> c[0]).toList();
        List<String> testArtifacts = coordinates.stream().filter(c -> c[1].equals("test")).map(c -> c[0]).toList();
        List<String> kept = new ArrayList<>();
        for (String e : entries) {
            String n = e.replace('\\', '/');
            boolean ours = n.contains("/proxmox-lxc-");
            if (ours && mainArtifacts.stream().noneMatch(a -> n.contains("/" + a + "/") || n.contains("/" + a + "-"))) {
                continue;
            }
            assertThat(testArtifacts).noneMatch(a -> n.contains("/" + a + "/") || n.contains("/" + a + "-"));
            kept.add(e);
        }
        assertThat(kept).anyMatch(e -> e.contains("proxmox-lxc-core"));
        return kept;
    }

    private static String compile(Path project, String className, String source, List<String> classpath)
            throws Exception {
        Path src = project.resolve("src/main/java/" + className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Path out = Files.createDirectories(project.resolve("target/classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        int rc = javac.getTask(diagnostics, null, null, List.of("--release", "17", "-proc:none", "-implicit:none",
                "-classpath", String.join(File.pathSeparator, classpath), "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src.toFile()))
                .call() ? 0 : 1;
        return rc == 0 ? "" : diagnostics.toString().isEmpty() ? "failed" : diagnostics.toString();
    }

    @Test
    void theExample_compilesAsPrinted_withOnlyTheReadmesCoordinates() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String example = firstBlock(section(readme, "Example"), "java");
        assertThat(example).startsWith("import ").contains("public class ");
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(example);
        assertThat(cls.find()).isTrue();
        List<String[]> coordinates = coordinates(readme);
        assertThat(coordinates).extracting(c -> c[0] + ":" + c[1]).contains("proxmox-lxc-core:compile",
                "proxmox-lxc-testkit:test");
        // the fresh project a reader would make from the README
        StringBuilder pom = new StringBuilder("<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId>"
                + "<artifactId>demo</artifactId><version>1</version><dependencies>\n");
        pom.append(firstBlock(section(readme, "Maven coordinates"), "xml"));
        pom.append("</dependencies></project>\n");
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);

        String failure = compile(project, cls.group(1), example, mainClasspath(coordinates));
        assertThat(failure).as("the README's Example must compile as printed").isEmpty();
        assertThat(project.resolve("target/classes/" + cls.group(1) + ".class")).exists();
    }

    @Test
    void mainCodeUsingTheTestkit_doesNotCompile_asAUserWithTheReadmesScopesWouldFind() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String source = "import io.github.proxmoxlxc.testkit.PveSimulator;\n"
                + "public class UsesSimulator { PveSimulator sim; }\n";
        String failure = compile(project, "UsesSimulator", source, mainClasspath(coordinates(readme)));
        assertThat(failure).contains("io.github.proxmoxlxc.testkit");
    }
}
