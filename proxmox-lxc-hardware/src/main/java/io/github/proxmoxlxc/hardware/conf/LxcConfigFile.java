package io.github.proxmoxlxc.hardware.conf;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.provision.NodePatch;
import io.github.proxmoxlxc.core.spec.Violation;
import io.github.proxmoxlxc.hardware.internal.ConfText;
import io.github.proxmoxlxc.hardware.internal.FileReplace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * A Proxmox VE container config ({@code /etc/pve/lxc/<vmid>.conf}) kept line for line.
 *
 * <p>Parsing keeps every line as written: the leading {@code #} lines (the description), key order,
 * blank lines, and the {@code [snapshot]} and {@code [pve:pending]} sections after the main one.
 * Edits touch only the main section; new lines go after its last line, before the first section
 * (lines after a section header belong to that snapshot). An unedited file writes back byte for
 * byte. Instances are immutable: each edit returns a new one.
 *
 * <p>No value can break out of its line: keys and values with line breaks or control characters
 * are refused, so an edit cannot add a key nobody asked for.
 *
 * <pre>{@code
 * LxcConfigFile conf = LxcConfigFile.read(Path.of("/etc/pve/lxc/101.conf"));
 * conf.apply(patch).write(Path.of("/etc/pve/lxc/101.conf"));   // refuses while locked
 * }</pre>
 */
public final class LxcConfigFile {
    private final List<String> lines;
    private final boolean trailingNewline;

    private LxcConfigFile(List<String> lines, boolean trailingNewline) {
        this.lines = List.copyOf(lines);
        this.trailingNewline = trailingNewline;
    }

    /**
     * Parses config text; any text is accepted (unknown lines are kept as they are).
     *
     * @param text the file content
     * @return the config
     */
    public static LxcConfigFile parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return new LxcConfigFile(List.of(), true);
        }
        boolean nl = text.endsWith("\n");
        String body = nl ? text.substring(0, text.length() - 1) : text;
        return new LxcConfigFile(List.of(body.split("\n", -1)), nl);
    }

    /**
     * Reads a config file as UTF-8.
     *
     * @param file the file
     * @return the config
     * @throws ProxmoxException when the file cannot be read
     */
    public static LxcConfigFile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProxmoxException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The config as text, exactly as parsed plus edits.
     *
     * @return the file content
     */
    public String text() {
        if (lines.isEmpty()) {
            return "";
        }
        return String.join("\n", lines) + (trailingNewline ? "\n" : "");
    }

    /**
     * The names of the sections after the main one, in file order.
     *
     * @return e.g. {@code [before-upgrade, pve:pending]}
     */
    public List<String> sections() {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = ConfText.SECTION.matcher(l);
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * The raw text of one section after the main one, header included.
     *
     * @param name the section name
     * @return the lines, or empty when there is no such section
     */
    public Optional<List<String>> section(String name) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ConfText.SECTION.matcher(lines.get(i));
            if (m.matches()) {
                if (start >= 0) {
                    return Optional.of(lines.subList(start, i));
                }
                if (m.group(1).equals(name)) {
                    start = i;
                }
            }
        }
        return start < 0 ? Optional.empty() : Optional.of(lines.subList(start, lines.size()));
    }

    /**
     * The description: the text of the {@code #} lines of the main section, one line each,
     * without the {@code #}.
     *
     * @return the description, empty when none
     */
    public String description() {
        List<String> d = new ArrayList<>();
        for (String l : main()) {
            if (l.startsWith("#")) {
                d.add(l.substring(1));
            }
        }
        return String.join("\n", d);
    }

    /**
     * The first value of a key in the main section.
     *
     * @param key e.g. {@code unprivileged} or {@code lxc.apparmor.profile}
     * @return the value, or empty
     */
    public Optional<String> get(String key) {
        List<String> v = values(key);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * Every value of a key in the main section, e.g. all {@code lxc.idmap} lines.
     *
     * @param key the key
     * @return the values in file order
     */
    public List<String> values(String key) {
        List<String> out = new ArrayList<>();
        for (String l : main()) {
            String[] kv = keyValue(l);
            if (kv != null && kv[0].equals(key)) {
                out.add(kv[1]);
            }
        }
        return out;
    }

    /**
     * The config's {@code lock}, if any.
     *
     * @return e.g. {@code backup}, or empty when unlocked
     */
    public Optional<String> lock() {
        return get("lock");
    }

    /**
     * Whether the container is unprivileged: {@code unprivileged: 1}, or any {@code lxc.idmap}
     * line (Proxmox treats a custom map as unprivileged).
     *
     * @return true when unprivileged
     */
    public boolean unprivileged() {
        return get("unprivileged").map(v -> v.equals("1")).orElse(false) || !values("lxc.idmap").isEmpty();
    }

    /**
     * The {@code devN} entries of the main section.
     *
     * @return index to property string, sorted
     */
    public Map<Integer, String> devices() {
        Map<Integer, String> out = new TreeMap<>();
        for (String l : main()) {
            String[] kv = keyValue(l);
            if (kv != null && kv[0].matches("dev\\d{1,3}")) {
                out.putIfAbsent(Integer.parseInt(kv[0].substring(3)), kv[1]);
            }
        }
        return out;
    }

    /**
     * Sets a plain key in the main section: the first line with that key is replaced, else a line
     * is added before the first section.
     *
     * @param key a plain key such as {@code dev0} (raw {@code lxc.*} lines use {@link #addRawLine})
     * @param value the value, one line
     * @return the edited config
     * @throws InvalidConfigFileException when the key or value could break the file
     */
    public LxcConfigFile set(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        requireLine(key, value, ConfText.PLAIN_KEY.matcher(key).matches(), "a plain key such as dev0 or mp1");
        if (value.isEmpty()) {
            throw new InvalidConfigFileException(List.of(Violation.of(key, value, "must not be empty")));
        }
        String line = key + ": " + value;
        List<String> out = new ArrayList<>(lines);
        int end = mainEnd();
        for (int i = 0; i < end; i++) {
            String[] kv = keyValue(out.get(i));
            if (kv != null && kv[0].equals(key)) {
                if (out.get(i).equals(line)) {
                    return this;
                }
                out.set(i, line);
                return new LxcConfigFile(out, trailingNewline);
            }
        }
        out.add(insertAt(), line);
        return new LxcConfigFile(out, trailingNewline);
    }

    /**
     * Removes every line of a plain key from the main section.
     *
     * @param key the key
     * @return the edited config (the same one when the key is absent)
     */
    public LxcConfigFile remove(String key) {
        List<String> out = new ArrayList<>(lines);
        boolean changed = false;
        for (int i = mainEnd() - 1; i >= 0; i--) {
            String[] kv = keyValue(out.get(i));
            if (kv != null && kv[0].equals(key)) {
                out.remove(i);
                changed = true;
            }
        }
        return changed ? new LxcConfigFile(out, trailingNewline) : this;
    }

    /**
     * Adds a raw {@code lxc.*} line before the first section unless an equal one (same key and
     * value, either separator) is already in the main section.
     *
     * @param line e.g. {@code lxc.cgroup2.devices.allow: c 226:128 rwm}
     * @return the edited config
     * @throws InvalidConfigFileException when the line is not one {@code lxc.key: value} line
     */
    public LxcConfigFile addRawLine(String line) {
        String[] kv = requireRaw(line);
        if (findRaw(kv) >= 0) {
            return this;
        }
        List<String> out = new ArrayList<>(lines);
        out.add(insertAt(), kv[0] + ": " + kv[1]);
        return new LxcConfigFile(out, trailingNewline);
    }

    /**
     * Removes a raw line (same key and value, either separator) from the main section.
     *
     * @param line the line
     * @return the edited config (the same one when absent)
     */
    public LxcConfigFile removeRawLine(String line) {
        String[] kv = requireRaw(line);
        List<String> out = new ArrayList<>(lines);
        boolean changed = false;
        for (int i = findRaw(kv); i >= 0; i = new LxcConfigFile(out, trailingNewline).findRaw(kv)) {
            out.remove(i);
            changed = true;
        }
        return changed ? new LxcConfigFile(out, trailingNewline) : this;
    }

    /**
     * Applies a patch's config part: removes {@link NodePatch#removeRawLines()}, adds
     * {@link NodePatch#rawLines()} and sets {@link NodePatch#keys()}. Applying the same patch again
     * changes nothing.
     *
     * @param patch the patch
     * @return the edited config
     */
    public LxcConfigFile apply(NodePatch patch) {
        LxcConfigFile c = this;
        for (String l : patch.removeRawLines()) {
            c = c.removeRawLine(l);
        }
        for (String l : patch.rawLines()) {
            c = c.addRawLine(l);
        }
        for (Map.Entry<String, String> e : patch.keys().entrySet()) {
            c = c.set(e.getKey(), e.getValue());
        }
        return c;
    }

    /**
     * Writes the config atomically: a temporary file in the same directory, then a rename over
     * the target; the previous file is kept as {@code <name>.bak}. Refuses while this config or the
     * file on disk has a {@code lock:}.
     *
     * @param file the target, e.g. {@code /etc/pve/lxc/101.conf}
     * @throws ConfigLockedException when locked
     * @throws ProxmoxException when writing fails (the target is then unchanged)
     */
    public void write(Path file) {
        Objects.requireNonNull(file, "file");
        Optional<String> lock = lock();
        if (lock.isEmpty() && Files.exists(file)) {
            lock = read(file).lock();
        }
        if (lock.isPresent()) {
            throw new ConfigLockedException(file.toString(), lock.get());
        }
        FileReplace.replace(file, text());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LxcConfigFile && ((LxcConfigFile) o).text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "LxcConfigFile[" + lines.size() + " lines, sections=" + sections() + "]";
    }

    private List<String> main() {
        return lines.subList(0, mainEnd());
    }

    private int mainEnd() {
        for (int i = 0; i < lines.size(); i++) {
            if (ConfText.SECTION.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** After the last non-blank line of the main section, so blank lines before a section stay. */
    private int insertAt() {
        int i = mainEnd();
        while (i > 0 && lines.get(i - 1).isBlank()) {
            i--;
        }
        return i;
    }

    private int findRaw(String[] kv) {
        int end = mainEnd();
        for (int i = 0; i < end; i++) {
            String[] o = keyValue(lines.get(i));
            if (o != null && o[0].equals(kv[0]) && o[1].equals(kv[1])) {
                return i;
            }
        }
        return -1;
    }

    private static String[] requireRaw(String line) {
        Objects.requireNonNull(line, "line");
        String p = ConfText.lineProblem(line);
        if (p != null) {
            throw new InvalidConfigFileException(List.of(Violation.of("lxc line", line, p)));
        }
        Matcher m = ConfText.LXC_LINE.matcher(line);
        if (!m.matches()) {
            throw new InvalidConfigFileException(List.of(Violation.of("lxc line", line, "must be 'lxc.<key>: <value>'")));
        }
        return new String[] {m.group(1), m.group(2)};
    }

    private static void requireLine(String key, String value, boolean keyOk, String keyRule) {
        List<Violation> v = new ArrayList<>();
        if (!keyOk || key.equals("lock")) {
            v.add(Violation.of("key", key, "must be " + keyRule + " (lock is Proxmox's own)"));
        }
        String p = ConfText.lineProblem(value);
        if (p != null) {
            v.add(Violation.of(key, value, p));
        }
        if (!v.isEmpty()) {
            throw new InvalidConfigFileException(v);
        }
    }

    /** Key and value of a main-section line, or null for comments, blanks and unknown lines. */
    private static String[] keyValue(String l) {
        Matcher m = ConfText.LXC_LINE.matcher(l);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        m = ConfText.KEY_LINE.matcher(l);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2)};
        }
        return null;
    }
}
