package io.github.proxmoxlxc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's promises that code can check. */
class ReadmeTest {
    private static final Path README = Path.of("../README.md");

    private static List<String> codeBlocks(String section) throws Exception {
        String text = Files.readString(README);
        int start = text.indexOf("\n## " + section + "\n");
        assertThat(start).as("section %s", section).isNotNegative();
        int end = text.indexOf("\n## ", start + 4);
        String body = text.substring(start, end < 0 ? text.length() : end);
        List<String> blocks = new ArrayList<>();
        int i = 0;
        while ((i = body.indexOf("```", i)) >= 0) {
            int nl = body.indexOf('\n', i);
            int close = body.indexOf("\n```", nl);
            blocks.add(body.substring(nl + 1, close + 1));
            i = close + 4;
        }
        return blocks;
    }

    @Test
    void quickStart_firstBlockRunsTheMainJob_secondRunsTheTests() throws Exception {
        List<String> blocks = codeBlocks("Quick start");
        assertThat(blocks.get(0).strip()).isEqualTo("./proxmox-lxc create");
        assertThat(blocks.get(1).strip()).isEqualTo("mvn -B verify");
    }

    @Test
    void libraryExample_buildsTheSameContainerAsQuickStart() throws Exception {
        String example = codeBlocks("Example").get(0);
        String source = Files.readString(Path.of("src/main/java/io/github/proxmoxlxc/examples/QuickStart.java"));
        List<String> specLines = example.lines().map(String::strip)
                .dropWhile(l -> !l.startsWith("ContainerSpec spec ="))
                .takeWhile(l -> !l.startsWith("System.out")).toList();
        assertThat(specLines).hasSizeGreaterThan(4);
        List<String> sourceLines = source.lines().map(String::strip).toList();
        int at = sourceLines.indexOf(specLines.get(0));
        assertThat(at).as("the spec lines in QuickStart.java").isNotNegative();
        assertThat(sourceLines.subList(at, at + specLines.size())).isEqualTo(specLines);
    }
}
