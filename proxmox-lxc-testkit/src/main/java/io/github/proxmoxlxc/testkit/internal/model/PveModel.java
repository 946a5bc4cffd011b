package io.github.proxmoxlxc.testkit.internal.model;

import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.TaskState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulated cluster: plain Java, no HTTP. Every public method is synchronized on the model and
 * first completes the tasks whose (scaled) duration has elapsed, so state and ordering do not
 * depend on threads.
 */
public final class PveModel {

    static final long GIB = 1024L * 1024 * 1024;
    static final Set<String> NOT_STORED = Set.of("vmid", "node", "ostemplate", "password", "ssh-public-keys",
            "start", "storage", "force", "unique", "ignore-unpack-errors", "restore", "bwlimit", "pool", "ha-managed");

    final ModelSettings settings;
    final Inventory inv = new Inventory();
    /** HA resources ({@code resources.cfg}): sid to its options, sorted by sid. */
    final Map<String, Map<String, String>> haResources = new TreeMap<>();
    final Map<Integer, Container> containers = new TreeMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    /** Notes, protection and saved config of backup volumes, by volid. */
    final Map<String, BackupOps.Meta> backupMeta = new LinkedHashMap<>();
    private final Random random;
    private volatile Acl acl = new Acl("root@pam!testkit", Acl.allOnRoot());
    private long taskSeq;
    private long pstart = 0x1000000L;
    private TaskFailure armedFailure;
    private long completionTime = -1;

    /**
     * A planned failure of the next forked task: error {@code message} after {@code step} log
     * lines; or, with {@code configLock}, the worker's config flock timing out before anything
     * happens (the message is then derived from the task's vmid).
     */
    public record TaskFailure(int step, String message, boolean configLock) {
        /** A failure after {@code step} log lines. */
        public TaskFailure(int step, String message) {
            this(step, message, false);
        }

        /** The worker's {@code lock_config} times out (lock_file_full: {@code can't lock file ... - got timeout}). */
        public static TaskFailure configLockTimeout() {
            return new TaskFailure(0, "", true);
        }
    }

    /** Creates an empty model (add nodes and storages before use). */
    public PveModel(ModelSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /** Replaces the access control list (default: token {@code root@pam!testkit} with every privilege). */
    public void acl(Acl acl) {
        this.acl = java.util.Objects.requireNonNull(acl, "acl");
        acl.poolMembership(path -> pools().poolsOfPath(path));
    }

    /** The access control list. */
    public Acl acl() {
        return acl;
    }

    // ---------------------------------------------------------------- setup

    /** Adds a node. */
    public synchronized void addNode(String name, int cpus, long memory) {
        inv.nodes.put(name, new Inventory.Node(name, cpus, memory));
        inv.storages.putIfAbsent(name, new LinkedHashMap<>());
    }

    /** Adds a storage to a node (or to every node when shared). */
    public synchronized void addStorage(String node, Storage storage) {
        if (storage.shared) {
            inv.storages.values().forEach(m -> m.put(storage.id, storage));
        } else {
            requireNode(node);
            inv.storages.get(node).put(storage.id, storage);
        }
    }

    /** Adds an aplinfo catalogue entry. */
    public synchronized void addAplinfo(String templateFile) {
        inv.aplinfo.put(templateFile, Inventory.templateOf(templateFile));
    }

    /** Puts a downloaded template into a storage's {@code vztmpl} content. */
    public synchronized void addStoredTemplate(String node, String storage, String templateFile, long size) {
        Storage s = storage(node, storage);
        s.volumes.add(new Volume(storage + ":vztmpl/" + templateFile, "vztmpl", format(templateFile), size, 0, epoch()));
    }

    /** Arms a failure for the next forked task (consumed by it). */
    public synchronized void armTaskFailure(TaskFailure failure) {
        this.armedFailure = failure;
    }

    /** Names of all nodes. */
    public synchronized List<String> nodeNames() {
        return List.copyOf(inv.nodes.keySet());
    }

    // ---------------------------------------------------------------- time

    long now() {
        return settings.nanoTime().getAsLong();
    }

    long epoch() {
        return settings.clock().millis() / 1000;
    }

    /** Completes every task whose end time has passed, in end-time order. */
    public synchronized void advance() {
        while (true) {
            long now = now();
            Optional<Task> due = tasks.values().stream().filter(t -> !t.stopped && t.endNanos <= now)
                    .min(Comparator.comparingLong((Task t) -> t.endNanos).thenComparingLong(t -> t.seq));
            if (due.isEmpty()) {
                return;
            }
            Task t = due.get();
            t.stopped = true;
            t.endtime = epoch();
            // a task forked by a completion (start after create) starts when its parent ended
            completionTime = t.endNanos;
            try {
                (t.ok() ? t.onSuccess : t.onFailure).run();
            } finally {
                completionTime = -1;
            }
        }
    }

    /** Forks a worker; returns the UPID. {@code planned} is the exit status unless a failure is armed. */
    String fork(String node, String type, String id, String user, List<String> lines, String planned,
            Runnable onSuccess, Runnable onFailure) {
        long pid = 1000 + random.nextInt(4_000_000);
        pstart += 1 + random.nextInt(5000);
        long start = epoch();
        String upid = String.format("UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, start, type, id, user);
        List<String> log = lines;
        String exit = planned;
        long duration = settings.scaledNanos(type);
        if (armedFailure != null && armedFailure.configLock()) {
            // lock_file_full prints this before it blocks in flock; the alarm's die ends the wait
            log = List.of("trying to acquire lock...");
            exit = "can't lock file '/run/lock/lxc/pve-config-" + id + ".lock' - got timeout";
            armedFailure = null;
            if (type.equals("vzcreate") || type.equals("vzrestore")) {
                Runnable undo = onFailure;
                int vmid = Integer.parseInt(id);
                onFailure = () -> {
                    // create_vm's realcmd: $code never ran, so nothing was allocated, and for a new
                    // guest the config written by create_and_lock_config (only the lock) stays
                    undo.run();
                    Container left = new Container(vmid, node);
                    left.config.put("lock", "create");
                    containers.put(vmid, left);
                };
            }
        } else if (armedFailure != null) {
            int step = Math.max(0, Math.min(armedFailure.step(), lines.size()));
            log = lines.subList(0, step);
            exit = armedFailure.message();
            duration = lines.isEmpty() ? duration : duration * Math.max(1, step) / Math.max(1, lines.size());
            armedFailure = null;
        }
        long now = completionTime >= 0 ? completionTime : now();
        Task t = new Task(upid, node, type, id, user, pid, pstart, start, now, now + duration, taskSeq++, log, exit,
                onSuccess, onFailure);
        tasks.put(upid, t);
        return upid;
    }

    // ---------------------------------------------------------------- lookups

    void requireNode(String node) {
        if (!inv.nodes.containsKey(node)) {
            throw PveError.die("hostname lookup '" + node + "' failed - failed to get address info for: " + node
                    + ": Name or service not known");
        }
    }

    Storage storage(String node, String id) {
        requireNode(node);
        Storage s = inv.storages.get(node).get(id);
        if (s == null) {
            throw PveError.die("storage '" + id + "' does not exist");
        }
        return s;
    }

    Container container(String node, int vmid) {
        requireNode(node);
        Container c = containers.get(vmid);
        if (c == null || !c.node.equals(node)) {
            throw PveError.die("Configuration file 'nodes/" + node + "/lxc/" + vmid + ".conf' does not exist");
        }
        return c;
    }

    /**
     * The {@code format} of a {@code vztmpl} file as Plugin.pm's {@code get_subdir_files} lists it
     * ({@code $VZTMPL_EXT_RE_1}): {@code .tar} is {@code tar}, {@code .tar.X} is {@code tX}
     * ({@code tzst}, {@code tgz}, {@code txz}, {@code tbz2}); anything else is not a template
     * ({@code raw} here).
     */
    static String format(String file) {
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile("\\.(?:(tar)|tar\\.(gz|xz|zst|bz2))$",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(file);
        if (!mm.find()) {
            return "raw";
        }
        return mm.group(1) != null ? "tar" : "t" + mm.group(2);
    }

    static String sizeString(long bytes) {
        if (bytes % GIB == 0) {
            return bytes / GIB + "G";
        }
        return bytes / (1024 * 1024) + "M";
    }

    /** SHA-1 of the config text, as {@code GET .../config} reports it in {@code digest}. */
    static String digest(Container c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(fileText(c)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The config file as pct writes it: options, raw {@code lxc.*} lines, then one {@code [name]} section per snapshot. */
    static String fileText(Container c) {
        StringBuilder sb = new StringBuilder();
        c.config.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        c.rawLxc.forEach(kv -> sb.append(kv[0]).append(": ").append(kv[1]).append('\n'));
        if (!c.pending.isEmpty()) {
            sb.append("\n[pve:pending]\n");
            c.pending.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        }
        c.snapshots.forEach((name, snap) -> {
            sb.append('\n').append('[').append(name).append("]\n");
            snap.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        });
        return sb.toString();
    }

    /** The text of {@code /etc/pve/lxc/<vmid>.conf}, snapshot sections included. */
    public synchronized java.util.Optional<String> configFile(int vmid) {
        advance();
        Container c = containers.get(vmid);
        return c == null ? java.util.Optional.empty() : java.util.Optional.of(fileText(c));
    }

    String randomMac() {
        return String.format("BC:24:11:%02X:%02X:%02X", random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    String randomIp() {
        return "192.168.100." + (10 + random.nextInt(240)) + "/24";
    }

    /** Lowest free VMID from 100 (across all nodes). */
    public synchronized int nextFreeId() {
        advance();
        int id = 100;
        while (containers.containsKey(id)) {
            id++;
        }
        return id;
    }

    /** Whether a vmid is in use. */
    public synchronized boolean exists(int vmid) {
        advance();
        return containers.containsKey(vmid);
    }

    // ---------------------------------------------------------------- inspection

    /** Snapshots of all containers, by vmid. */
    public synchronized List<ContainerState> containerStates() {
        advance();
        List<ContainerState> out = new ArrayList<>();
        containers.values().forEach(c -> out.add(state(c)));
        return out;
    }

    static ContainerState state(Container c) {
        List<Map.Entry<String, String>> raw = new ArrayList<>();
        c.rawLxc.forEach(kv -> raw.add(Map.entry(kv[0], kv[1])));
        return new ContainerState(c.vmid, c.node, c.status, Optional.ofNullable(c.lock()), c.config, raw, c.ips);
    }

    /** Snapshots of all tasks, oldest first. */
    public synchronized List<TaskState> taskStates() {
        advance();
        long now = now();
        List<TaskState> out = new ArrayList<>();
        tasks.values().forEach(t -> out.add(new TaskState(t.upid, t.node, t.type, t.id, t.user, !t.stopped,
                t.stopped ? Optional.of(t.exitStatus) : Optional.empty(), t.visibleLog(now))));
        return out;
    }

    /** Current config locks by vmid. */
    public synchronized Map<Integer, String> locks() {
        advance();
        Map<Integer, String> out = new TreeMap<>();
        containers.values().forEach(c -> {
            if (c.lock() != null) {
                out.put(c.vmid, c.lock());
            }
        });
        return out;
    }

    /** Sets (or with null clears) a container's config lock, like a backup job or {@code pct unlock}. */
    public synchronized void setLock(int vmid, String lock) {
        advance();
        Container c = containers.get(vmid);
        if (c == null) {
            throw new IllegalArgumentException("no container " + vmid);
        }
        if (lock == null) {
            c.config.remove("lock");
        } else {
            c.config.put("lock", lock);
        }
    }

    /** Appends a raw {@code lxc.*} line to a container's config, as editing the file on the node would. */
    public synchronized void addRawLxc(int vmid, String key, String value) {
        Container c = containers.get(vmid);
        if (c == null) {
            throw new IllegalArgumentException("no container " + vmid);
        }
        if (!key.startsWith("lxc.")) {
            throw new IllegalArgumentException("raw key must start with 'lxc.': " + key);
        }
        c.rawLxc.add(new String[] {key, value});
    }

    /**
     * Applies an edit of a container's config file on the node (the testkit's node simulator):
     * options set and removed, and, when not null, the raw {@code lxc.*} lines as they now are;
     * pending values and snapshot sections stay.
     */
    public synchronized void applyConfigFileEdit(int vmid, Map<String, String> set, List<String> removed,
            List<String[]> raw) {
        Container c = containers.get(vmid);
        if (c == null) {
            return;
        }
        removed.forEach(c.config::remove);
        c.config.putAll(set);
        if (raw != null) {
            c.rawLxc.clear();
            raw.forEach(kv -> c.rawLxc.add(new String[] {kv[0], kv[1]}));
        }
    }

    /** Used and total bytes of a storage on a node. */
    public synchronized long[] storageUsage(String node, String storage) {
        advance();
        Storage s = storage(node, storage);
        return new long[] {s.used(), s.total};
    }

    /** The storage ids of a node in the order they were added, or an empty list for an unknown node. */
    public synchronized List<String> storageIds(String node) {
        Map<String, Storage> byId = inv.storages.get(node);
        return byId == null ? List.of() : List.copyOf(byId.keySet());
    }

    /** Volume ids in a storage on a node. */
    public synchronized List<String> volumes(String node, String storage) {
        advance();
        return storage(node, storage).volumes.stream().map(Volume::volid).toList();
    }

    // ---------------------------------------------------------------- task queries

    /** The UPID format of PVE::UPID::decode. */
    private static final java.util.regex.Pattern UPID = java.util.regex.Pattern.compile(
            "^UPID:[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?:[0-9A-Fa-f]{8}:[0-9A-Fa-f]{8,9}:"
            + "[0-9A-Fa-f]{8}:[^:\\s/]+:[^:\\s/]*:[^:\\s/]+:$");

    /** API2/Tasks.pm: {@code raise_param_exc({upid => "unable to parse worker upid"})} for a malformed UPID. */
    private static void requireUpid(String upid) {
        if (!UPID.matcher(upid).matches()) {
            throw PveError.params(Map.of("upid", "unable to parse worker upid"));
        }
    }

    Task task(String node, String upid) {
        requireUpid(upid);
        Task t = tasks.get(upid);
        if (t == null || !t.node.equals(node)) {
            // the task log file is looked up on the node the call is proxied to
            throw PveError.params(Map.of("upid", "no such task"));
        }
        return t;
    }

    /** {@code $check_task_user}: a token sees its own tasks, a user its own and its tokens'. */
    private static boolean ownTask(Task t, String user) {
        return user.equals(t.user) || t.user.startsWith(user + "!");
    }

    /** Status, log and stop of another user's task need a privilege on {@code /nodes/<node>}. */
    private void checkTaskAccess(Task t, String user, String node, String privilege) {
        if (user != null && !ownTask(t, user)) {
            acl.check(user, "/nodes/" + node, privilege);
        }
    }

    /** {@code GET /nodes/{node}/tasks/{upid}/status}. */
    public synchronized Map<String, Object> taskStatus(String node, String upid) {
        return taskStatus(node, upid, null);
    }

    /** {@code GET /nodes/{node}/tasks/{upid}/status} as {@code user} ({@code Sys.Audit} for others' tasks). */
    public synchronized Map<String, Object> taskStatus(String node, String upid, String user) {
        advance();
        Task t = task(node, upid);
        checkTaskAccess(t, user, node, "Sys.Audit");
        Map<String, Object> m = taskFields(t);
        m.put("user", t.user.contains("!") ? t.user.substring(0, t.user.indexOf('!')) : t.user);
        if (t.user.contains("!")) {
            m.put("tokenid", t.user.substring(t.user.indexOf('!') + 1));
        }
        m.put("status", t.stopped ? "stopped" : "running");
        if (t.stopped) {
            m.put("exitstatus", t.exitStatus);
        }
        return m;
    }

    /** The fields that task status and task list entries share, in Proxmox's order. */
    private static Map<String, Object> taskFields(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upid", t.upid);
        m.put("node", t.node);
        m.put("pid", t.pid);
        m.put("pstart", t.pstart);
        m.put("starttime", t.starttime);
        m.put("type", t.type);
        m.put("id", t.id);
        return m;
    }

    /** {@code GET .../tasks/{upid}/log}: lines from {@code start}, at most {@code limit} (0: all); total in [1]. */
    public synchronized Object[] taskLog(String node, String upid, int start, int limit) {
        return taskLog(node, upid, start, limit, null);
    }

    /**
     * {@code GET .../tasks/{upid}/log} as {@code user}. A well-formed UPID without a log file on
     * this node is not an error: PVE::Tools::dump_logfile answers one line, {@code unable to open
     * file - No such file or directory}.
     */
    public synchronized Object[] taskLog(String node, String upid, int start, int limit, String user) {
        advance();
        requireUpid(upid);
        Task t = tasks.get(upid);
        if (t == null || !t.node.equals(node)) {
            return new Object[] {List.of(Map.of("n", 1, "t", "unable to open file - No such file or directory")), 1};
        }
        checkTaskAccess(t, user, node, "Sys.Audit");
        List<String> lines = t.visibleLog(now());
        if (lines.isEmpty()) {
            lines = List.of("no content");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < lines.size() && (limit <= 0 || out.size() < limit); i++) {
            out.add(Map.of("n", i + 1, "t", lines.get(i)));
        }
        return new Object[] {out, lines.size()};
    }

    /**
     * {@code GET /nodes/{node}/tasks} as pve-manager's {@code API2/Tasks.pm node_tasks} answers it:
     * with {@code source=active} or {@code all} the running tasks first (from the active list, whose
     * entries keep a token's full id in {@code user}), then the finished ones newest first (from the
     * index, where a token's id is split into {@code user} and {@code tokenid}). Without
     * {@code Sys.Audit} on {@code /nodes/<node>} a caller sees only its own tasks (a user also its
     * tokens'). {@code total} counts every matching task, {@code start}/{@code limit} page.
     *
     * @return {@code [list, total]}
     */
    public synchronized Object[] taskList(String node, String user, Map<String, String> p) {
        advance();
        requireNode(node);
        int start = Integer.parseInt(p.getOrDefault("start", "0"));
        int[] limit = {Integer.parseInt(p.getOrDefault("limit", "50"))};
        String userfilter = blankToNull(p.get("userfilter"));
        String typefilter = blankToNull(p.get("typefilter"));
        String vmid = blankToNull(p.get("vmid"));
        String source = p.getOrDefault("source", "archive");
        boolean errors = "1".equals(p.get("errors"));
        Long since = p.containsKey("since") ? Long.valueOf(p.get("since")) : null;
        Long until = p.containsKey("until") ? Long.valueOf(p.get("until")) : null;
        Set<String> statuses = new java.util.HashSet<>(Set.of("ok", "warning", "error", "unknown"));
        if (p.get("statusfilter") != null && !errors) {
            statuses.clear();
            for (String f : p.get("statusfilter").split("[,;\\s\\x00]+")) {
                statuses.add(f.toLowerCase(java.util.Locale.ROOT));
            }
        } else if (errors) {
            statuses.remove("ok");
        }
        boolean auditor = acl.has(user, "/nodes/" + node, "Sys.Audit");
        int[] count = {0};
        List<Map<String, Object>> res = new ArrayList<>();
        java.util.function.Predicate<Map<String, Object>> skip = e -> {
            String u = String.valueOf(e.get("user"));
            Object tokenid = e.get("tokenid");
            if (userfilter != null && !u.toLowerCase(java.util.Locale.ROOT)
                    .contains(userfilter.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
            boolean own = tokenid != null ? user.equals(u + "!" + tokenid) || user.equals(u) : user.equals(u);
            if (!auditor && !own) {
                return true;
            }
            if (typefilter != null && !typefilter.equals(e.get("type"))) {
                return true;
            }
            if (vmid != null && !vmid.equals(e.get("id"))) {
                return true;
            }
            long st = ((Number) e.get("starttime")).longValue();
            if (since != null && st < since || until != null && st > until) {
                return true;
            }
            if (!statuses.contains(normalizeStatus((String) e.get("status")))) {
                return true;
            }
            if (count[0]++ < start) {
                return true;
            }
            return limit[0] <= 0;
        };
        List<Task> all = new ArrayList<>(tasks.values());
        java.util.Collections.reverse(all);
        if (source.equals("active") || source.equals("all")) {
            for (Task t : all) {
                if (t.node.equals(node) && !t.stopped) {
                    Map<String, Object> e = taskFields(t);
                    e.put("user", t.user);
                    if (!skip.test(e)) {
                        e.put("status", "RUNNING");
                        res.add(e);
                        limit[0]--;
                    }
                }
            }
        }
        if (!source.equals("active")) {
            all.sort(Comparator.comparingLong((Task t) -> t.endtime).thenComparingLong(t -> t.seq).reversed());
            for (Task t : all) {
                if (!t.node.equals(node) || !t.stopped) {
                    continue;
                }
                Map<String, Object> e = taskFields(t);
                int bang = t.user.indexOf('!');
                e.put("user", bang < 0 ? t.user : t.user.substring(0, bang));
                if (bang >= 0) {
                    e.put("tokenid", t.user.substring(bang + 1));
                }
                e.put("endtime", t.endtime);
                e.put("status", t.exitStatus);
                if (!skip.test(e)) {
                    res.add(e);
                    limit[0]--;
                }
            }
        }
        return new Object[] {res, count[0]};
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** PVE::UPID::normalize_status_type. */
    private static String normalizeStatus(String status) {
        if (status == null || status.isEmpty() || status.equals("unexpected status")) {
            return "unknown";
        }
        if (status.equals("OK")) {
            return "ok";
        }
        return status.matches("WARNINGS: \\d+") ? "warning" : "error";
    }

    /**
     * {@code DELETE .../tasks/{upid}} as {@code user} ({@code Sys.Modify} on the node for others'
     * tasks): RESTEnvironment's check_worker sends TERM to the worker, whose handler dies with
     * {@code received interrupt}; a create or restore dies inside its cleanup eval, so its error
     * carries the {@code unable to create CT N - } prefix and its disks and config are removed.
     * Synchronous: the call returns once the worker is gone. A finished task is left alone.
     */
    public synchronized void stopTask(String node, String upid, String user) {
        advance();
        requireUpid(upid);
        Task t = tasks.get(upid);
        if (t == null || !t.node.equals(node)) {
            throw PveError.params(Map.of("upid", "no such task"));
        }
        if (user != null && !ownTask(t, user)) {
            acl.check(user, "/nodes/" + node, "Sys.Modify");
        }
        if (!t.stopped) {
            String exit = switch (t.type) {
                case "vzcreate" -> "unable to create CT " + t.id + " - received interrupt";
                case "vzrestore" -> "unable to restore CT " + t.id + " - received interrupt";
                default -> "received interrupt";
            };
            Task replaced = new Task(t.upid, t.node, t.type, t.id, t.user, t.pid, t.pstart, t.starttime, t.startNanos,
                    now(), t.seq, t.visibleLog(now()), exit, t.onSuccess, t.onFailure);
            tasks.put(upid, replaced);
            advance();
        }
    }

    // ---------------------------------------------------------------- container operations

    /**
     * The changes to containers (create, start, stop, destroy, clone, template, config update).
     *
     * @return the operations
     */
    public ContainerOps containers() {
        return new ContainerOps(this);
    }

    /**
     * The container views (config, pending, status, list, interfaces).
     *
     * @return the views
     */
    public ContainerViews containerViews() {
        return new ContainerViews(this);
    }

    /** The backup, prune and restore operations. */
    public BackupOps backups() {
        return new BackupOps(this);
    }

    /** The rrddata series. */
    public RrdOps rrd() {
        return new RrdOps(this);
    }

    /** The disk operations (resize). */
    public DiskOps disks() {
        return new DiskOps(this);
    }

    /** The HA resource and status endpoints. */
    public HaOps ha() {
        return new HaOps(this);
    }

    /** The migrate operation. */
    public MigrateOps migrations() {
        return new MigrateOps(this);
    }

    /** The snapshot operations. */
    public SnapshotOps snapshots() {
        return new SnapshotOps(this);
    }

    /** The node, storage and template queries. */
    public NodeViews views() {
        return new NodeViews(this);
    }

    // ---------------------------------------------------------------- pools and datacenter.cfg (issue 12)

    private final Pools pools = new Pools(this);
    private final Datacenter datacenter = new Datacenter();

    /** Resource pools (user.cfg). */
    public Pools pools() {
        return pools;
    }

    /** datacenter.cfg settings the simulator honours ({@code next-id}). */
    public Datacenter datacenter() {
        return datacenter;
    }
}
