package io.github.proxmoxlxc.hardware.idmap;

/** Which id an {@code lxc.idmap} line maps. */
public enum IdKind {
    /** User ids ({@code u} lines, delegated in {@code /etc/subuid}). */
    UID('u', "uid", "/etc/subuid"),
    /** Group ids ({@code g} lines, delegated in {@code /etc/subgid}). */
    GID('g', "gid", "/etc/subgid");

    private final char letter;
    private final String noun;
    private final String delegationFile;

    IdKind(char letter, String noun, String delegationFile) {
        this.letter = letter;
        this.noun = noun;
        this.delegationFile = delegationFile;
    }

    /**
     * The letter used in {@code lxc.idmap} values.
     *
     * @return {@code u} or {@code g}
     */
    public char letter() {
        return letter;
    }

    /**
     * The word used in messages.
     *
     * @return {@code uid} or {@code gid}
     */
    public String noun() {
        return noun;
    }

    /**
     * The host file that must delegate the host ids of this kind to the user starting containers.
     *
     * @return {@code /etc/subuid} or {@code /etc/subgid}
     */
    public String delegationFile() {
        return delegationFile;
    }

    /**
     * The kind for a letter.
     *
     * @param letter {@code u} or {@code g}
     * @return the kind
     * @throws IllegalArgumentException for any other letter
     */
    public static IdKind of(char letter) {
        for (IdKind k : values()) {
            if (k.letter == letter) {
                return k;
            }
        }
        throw new IllegalArgumentException("id map type must be u or g, got '" + letter + "'");
    }
}
