package io.github.proxmoxlxc.cli;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON document on stdout, human messages on stderr. */
final class JsonOption {
    @Option(names = "--json", description = "Print one JSON document on stdout (messages go to stderr).")
    boolean json;
}
