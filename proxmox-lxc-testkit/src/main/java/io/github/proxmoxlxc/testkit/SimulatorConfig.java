package io.github.proxmoxlxc.testkit;

import io.github.proxmoxlxc.testkit.internal.model.Acl;
import io.github.proxmoxlxc.testkit.internal.model.ModelSettings;
import io.github.proxmoxlxc.testkit.internal.model.PveModel;
import io.github.proxmoxlxc.testkit.internal.model.Storage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The builder's state; {@link #buildModel()} turns it into a populated model. */
final class SimulatorConfig {

    private record NodeDef(String name, int cpus, long memory) { }

    private record StorageDef(String node, StorageDefinition def) { }

    private record StoredDef(String node, String storage, String file) { }

    final List<NodeDef> nodes = new ArrayList<>();
    final List<StorageDef> storages = new ArrayList<>();
    final List<String> aplinfo = new ArrayList<>();
    final List<StoredDef> stored = new ArrayList<>();
    String tokenId = "root@pam!testkit";
    String tokenSecret = UUID.randomUUID().toString();
    String rootPassword = randomPassword();
    long seed = 1;
    double timeScale = 0.001;
    Clock clock = Clock.systemUTC();
    final Map<String, Duration> durations = new HashMap<>(ModelSettings.DEFAULT_DURATIONS);
    Duration authFailureDelay;
    boolean legacyErrors;
    String clusterName = "testkit";
    long templateSize = 128L << 20;
    boolean requestJournal;
    int journalEntries = 1000;
    int serverThreads = 16;
    int port;
    boolean asyncResponses;
    boolean compression = true;
    final Map<String, Set<String>> tokenAcl = new LinkedHashMap<>(Acl.allOnRoot());
    /** Cluster description additions (issue 12): pools, users, tokens, roles, ACL entries, next-id. */
    final List<java.util.function.Consumer<PveModel>> access = new ArrayList<>();
    int[] nextId;

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    void tokenPrivileges(Map<String, ? extends java.util.Collection<String>> acl) {
        Objects.requireNonNull(acl, "privilegesByPath");
        Map<String, Set<String>> valid = new Acl(tokenId, acl).tokenAcl();
        tokenAcl.clear();
        tokenAcl.putAll(valid);
    }

    void addTokenPrivileges(String path, String... privileges) {
        Objects.requireNonNull(privileges, "privileges");
        Set<String> merged = new java.util.TreeSet<>(tokenAcl.getOrDefault(path, Set.of()));
        merged.addAll(java.util.Arrays.asList(privileges));
        Map<String, Set<String>> next = new LinkedHashMap<>(tokenAcl);
        next.put(path, merged);
        tokenPrivileges(next);
    }

    void addNode(String name, int cpus, long memory) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?")) {
            throw new IllegalArgumentException("node name '" + name + "' must match the pve-node format "
                    + "[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
        }
        if (cpus < 1 || memory <= 0) {
            throw new IllegalArgumentException("node '" + name + "': cpus (" + cpus + ") must be >= 1 and memory ("
                    + memory + ") > 0");
        }
        if (nodes.stream().anyMatch(n -> n.name.equals(name))) {
            throw new IllegalArgumentException("node '" + name + "' added twice");
        }
        nodes.add(new NodeDef(name, cpus, memory));
    }

    void addStorage(String node, StorageDefinition def) {
        storages.add(new StorageDef(Objects.requireNonNull(node, "node"), Objects.requireNonNull(def, "storage")));
    }

    void addAplinfo(String file) {
        requireTemplateFile(file);
        aplinfo.add(file);
    }

    void addStored(String node, String storage, String file) {
        requireTemplateFile(file);
        stored.add(new StoredDef(Objects.requireNonNull(node, "node"), Objects.requireNonNull(storage, "storage"), file));
    }

    private static void requireTemplateFile(String file) {
        Objects.requireNonNull(file, "templateFile");
        // pve-storage $VZTMPL_EXT_RE_1: .tar, or .tar with gz, xz, zst or bz2
        if (!file.matches("[A-Za-z0-9][A-Za-z0-9._+-]*\\.tar(\\.(zst|gz|xz|bz2))?")) {
            throw new IllegalArgumentException("template file '" + file
                    + "' must be a file name ending in .tar, .tar.zst, .tar.gz, .tar.xz or .tar.bz2");
        }
    }

    void tokenId(String id) {
        Objects.requireNonNull(id, "tokenId");
        if (!id.matches("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+")) {
            throw new IllegalArgumentException("tokenId '" + id + "' must look like user@realm!name");
        }
        tokenId = id;
    }

    void rootPassword(String password) {
        Objects.requireNonNull(password, "rootPassword");
        if (password.length() < 5) {
            throw new IllegalArgumentException("rootPassword must be at least 5 characters long");
        }
        rootPassword = password;
    }

    void taskDuration(String type, Duration d) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("task duration of '" + type + "' must not be negative: " + d);
        }
        durations.put(type, d);
    }

    SimulatorConfig copy() {
        SimulatorConfig c = new SimulatorConfig();
        c.nodes.addAll(nodes);
        c.storages.addAll(storages);
        c.aplinfo.addAll(aplinfo);
        c.stored.addAll(stored);
        c.tokenId = tokenId;
        c.tokenSecret = tokenSecret;
        c.rootPassword = rootPassword;
        c.seed = seed;
        c.timeScale = timeScale;
        c.clock = clock;
        c.durations.putAll(durations);
        c.authFailureDelay = authFailureDelay != null ? authFailureDelay
                : Duration.ofNanos((long) (Duration.ofSeconds(3).toNanos() * timeScale));
        c.legacyErrors = legacyErrors;
        c.clusterName = clusterName;
        c.templateSize = templateSize;
        c.requestJournal = requestJournal;
        c.journalEntries = journalEntries;
        c.serverThreads = serverThreads;
        c.port = port;
        c.asyncResponses = asyncResponses;
        c.compression = compression;
        c.tokenAcl.clear();
        c.tokenAcl.putAll(tokenAcl);
        c.access.addAll(access);
        c.nextId = nextId;
        return c;
    }

    PveModel buildModel() {
        PveModel m = new PveModel(new ModelSettings(clock, System::nanoTime, seed, timeScale,
                Map.copyOf(durations)));
        m.acl(new Acl(tokenId, tokenAcl));
        List<NodeDef> ns = nodes.isEmpty() ? List.of(new NodeDef("pve1", 4, 16L << 30)) : nodes;
        ns.forEach(n -> m.addNode(n.name, n.cpus, n.memory));
        if (storages.isEmpty()) {
            for (NodeDef n : ns) {
                m.addStorage(n.name, new Storage("local", "dir", Set.of("iso", "vztmpl", "backup"), 100L << 30,
                        10L << 30, false, true, true));
                m.addStorage(n.name, new Storage("local-lvm", "lvmthin", Set.of("rootdir", "images"), 200L << 30, 0,
                        false, true, true));
            }
        } else {
            Map<String, Storage> shared = new LinkedHashMap<>();
            for (StorageDef s : storages) {
                StorageDefinition d = s.def;
                if (!d.shared() && ns.stream().noneMatch(n -> n.name.equals(s.node))) {
                    throw new IllegalArgumentException("storage '" + d.id() + "' added to unknown node '" + s.node + "'");
                }
                Storage st = shared.computeIfAbsent(d.shared() ? d.id() : s.node + "/" + d.id(),
                        k -> new Storage(d.id(), d.type(), d.content(), d.totalBytes(), d.usedBytes(), d.shared(),
                                d.enabled(), d.active()));
                m.addStorage(s.node, st);
            }
        }
        (aplinfo.isEmpty() ? PveSimulator.DEFAULT_APLINFO : aplinfo).forEach(m::addAplinfo);
        if (stored.isEmpty()) {
            if (storages.isEmpty()) {
                ns.forEach(n -> m.addStoredTemplate(n.name, "local", PveSimulator.DEFAULT_STORED_TEMPLATE, templateSize));
            }
        } else {
            for (StoredDef s : stored) {
                try {
                    m.addStoredTemplate(s.node, s.storage, s.file, templateSize);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("stored template '" + s.file + "': " + e.getMessage(), e);
                }
            }
        }
        if (nextId != null) {
            m.datacenter().nextIdRange(nextId[0], nextId[1]);
        }
        access.forEach(a -> a.accept(m));
        return m;
    }
}
