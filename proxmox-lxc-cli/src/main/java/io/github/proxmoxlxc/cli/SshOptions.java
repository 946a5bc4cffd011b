package io.github.proxmoxlxc.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How to reach the nodes over SSH for what the API cannot do (devN, lxc.* lines, subuid/subgid,
 * commands in the container); each option falls back to its PVE_SSH* variable.
 */
final class SshOptions {
    @Option(names = "--ssh", paramLabel = "[NODE=][USER@]HOST[:PORT]",
            description = "SSH to the node for root-only steps, e.g. root@10.0.0.1; one per node with NODE=, e.g."
                    + " --ssh pve1=root@10.0.0.1 --ssh pve2=root@10.0.0.2 (env PVE_SSH, comma-separated).")
    List<String> ssh;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "Private key for SSH (env PVE_SSH_KEY; passphrase only from env PVE_SSH_KEY_PASSPHRASE)."
                    + " Default: the SSH agent (SSH_AUTH_SOCK), else ~/.ssh/id_ed25519, id_ecdsa or id_rsa.")
    Path key;

    @Option(names = "--ssh-fingerprint", paramLabel = "SHA256", split = ",",
            description = "Pin the node's SSH host key, SHA256:... as ssh-keygen -lf prints it; repeatable"
                    + " (env PVE_SSH_FINGERPRINT, comma-separated).")
    List<String> fingerprints;

    @Option(names = "--ssh-known-hosts", paramLabel = "FILE",
            description = "Check the node's SSH host key in this known_hosts file (env PVE_SSH_KNOWN_HOSTS;"
                    + " default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--ssh-insecure", description = "Accept any SSH host key (testing only; logs a warning).")
    boolean insecure;
}
