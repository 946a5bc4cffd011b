package io.github.proxmoxlxc.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the libraries' messages (which speak Java to programmers) into text for people at a
 * command line: exception class names dropped, Java advice replaced by the CLI's flags and
 * environment variables, URL-encoded paths decoded.
 */
final class CliText {
    /** {@code com.example.SomeException: } or {@code SomeException: } prefixes, and bare qualified class names. */
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:: ?)?|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error): ");
    /** Library advice and option names, and what a CLI user does instead. */
    private static final Map<String, String> ADVICE = new LinkedHashMap<>();

    static {
        ADVICE.put("log in as root@pam with a password (ProxmoxClient.builder().password(\"root@pam\", ...))",
                "log in as root@pam (PVE_USER=root@pam PVE_PASSWORD=... instead of PVE_TOKEN_ID), or turn the option"
                        + " off (for keyctl, which is on by default for unprivileged containers: --set var_keyctl=0)");
        ADVICE.put("or apply it through a node patch", "or apply it on the node (--apply-on-node NODE, as root there)");
        ADVICE.put("use ensure() for an existing container", "use the existing container (status/start)");
        ADVICE.put("was kept as requested (keepOnFailure)", "was kept as requested (--keep-on-failure)");
        ADVICE.put("skip the wait with ProvisionOptions.waitForIp(false)", "check the container's network (var_net,"
                + " var_brg) or its DHCP server");
        ADVICE.put("widen ProvisionOptions.vmidRange", "free a VMID or set var_ctid");
        ADVICE.put("Use Trust.pemCa or Trust.fingerprints outside throw-away labs",
                "Use PVE_FINGERPRINT or PVE_CA_FILE outside throw-away labs");
        ADVICE.put("Trust.pemCa", "PVE_CA_FILE");
        ADVICE.put("Trust.fingerprints", "PVE_FINGERPRINT");
        ADVICE.put("keepOnFailure", "--keep-on-failure");
    }

    private CliText() {
    }

    /** The message in CLI terms; never null. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String s = message;
        for (Map.Entry<String, String> e : ADVICE.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        Matcher m = CLASS_PREFIX.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            // keep host names and file names such as pve1.example.org or default.vars
            String hit = m.group();
            boolean javaName = hit.endsWith(": ") || hit.endsWith(":") || hit.matches(".*(Exception|Error)$")
                    || hit.startsWith("java.") || hit.startsWith("javax.") || hit.startsWith("io.github.");
            m.appendReplacement(b, Matcher.quoteReplacement(javaName ? "" : hit));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** An API path with percent-escapes (UPIDs: {@code %3A}) decoded. */
    static String path(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }
}
