package io.github.proxmoxlxc.node.internal;

/**
 * Constant shell scripts run on the node. Every variable value reaches them as a positional
 * parameter, never spliced into the script text.
 */
public final class NodeScripts {
    private NodeScripts() {
    }

    /**
     * Runs {@code $3} (a script) under {@code flock -w $2 $1} with the remaining arguments: the lock
     * file's directory is created first ({@code /run/lock/lxc}, as PVE does).
     */
    public static final String UNDER_LOCK = String.join("\n",
            "set -eu",
            "lock=$1; wait=$2; inner=$3; shift 3",
            "mkdir -p \"$(dirname \"$lock\")\"",
            "exec flock -w \"$wait\" \"$lock\" sh -c \"$inner\" sh \"$@\"");

    /**
     * Edits a line file atomically and idempotently. {@code $1}: the file; {@code $2}: lines to add,
     * newline-separated; {@code $3}: lines to remove; {@code $4}: {@code conf} (added lines go
     * before the first {@code [section]}, PVE's snapshot sections) or {@code plain}; {@code $5}:
     * {@code create} to create a missing file. Refuses a symlink; keeps mode and owner (pmxcfs
     * under /etc/pve sets its own and refuses chmod/chown, which is ignored there); writes a temp
     * file in the same directory and renames it; leaves an unchanged file untouched. Prints
     * {@code changed} or {@code unchanged}.
     */
    public static final String EDIT_LINES = String.join("\n",
            "set -eu",
            "f=$1; add=$2; del=$3; mode=$4; create=$5",
            "if [ -L \"$f\" ]; then echo \"refusing to edit $f: it is a symbolic link\" >&2; exit 3; fi",
            "if [ ! -e \"$f\" ]; then",
            "  if [ \"$create\" = create ]; then : > \"$f\"; else echo \"$f does not exist\" >&2; exit 4; fi",
            "fi",
            "if [ ! -f \"$f\" ]; then echo \"refusing to edit $f: not a regular file\" >&2; exit 3; fi",
            "dir=$(dirname \"$f\"); base=$(basename \"$f\")",
            "tmp=$(mktemp \"$dir/.$base.XXXXXX\")",
            "trap 'rm -f \"$tmp\" \"$tmp.add\" \"$tmp.del\"' EXIT",
            "printf '%s' \"$add\" > \"$tmp.add\"",
            "printf '%s' \"$del\" > \"$tmp.del\"",
            "awk -v mode=\"$mode\" '",
            "  function flush(  i) { for (i = 1; i <= na; i++) if (!(add[i] in seen)) { print add[i]; seen[add[i]] = 1 } }",
            "  FILENAME == ARGV[1] { if ($0 != \"\") add[++na] = $0; next }",
            "  FILENAME == ARGV[2] { if ($0 != \"\") del[$0] = 1; next }",
            "  !insec && mode == \"conf\" && /^\\[/ { flush(); insec = 1 }",
            "  !insec { if ($0 in del) next; seen[$0] = 1; print; next }",
            "  { print }",
            "  END { if (!insec) flush() }",
            "' \"$tmp.add\" \"$tmp.del\" \"$f\" > \"$tmp\"",
            "if cmp -s \"$tmp\" \"$f\"; then echo unchanged; exit 0; fi",
            "chmod --reference=\"$f\" \"$tmp\" 2>/dev/null || :",
            "chown --reference=\"$f\" \"$tmp\" 2>/dev/null || :",
            "mv -f \"$tmp\" \"$f\"",
            "echo changed");
}
