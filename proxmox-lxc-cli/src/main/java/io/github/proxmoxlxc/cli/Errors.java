package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.ProxmoxException;
import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.AuthenticationException;
import io.github.proxmoxlxc.core.client.PermissionException;
import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import io.github.proxmoxlxc.core.client.ResponseTooLargeException;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import io.github.proxmoxlxc.core.client.TlsTrustException;
import io.github.proxmoxlxc.core.client.TransportException;
import io.github.proxmoxlxc.core.spec.InvalidValuesException;
import io.github.proxmoxlxc.core.spec.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a failure into an exit code and the {@code {"errors": [...]}} entries. */
final class Errors {
    private Errors() {
    }

    /** A classified failure. */
    record Classified(int exitCode, List<ErrorEntry> entries) {
    }

    static Classified classify(Throwable t) {
        if (t instanceof CliException) {
            CliException e = (CliException) t;
            return new Classified(e.exitCode(), e.errors());
        }
        Classified provisioning = ProvisionErrors.classify(t);
        if (provisioning != null) {
            return provisioning;
        }
        if (t instanceof InvalidValuesException) {
            List<ErrorEntry> out = new ArrayList<>();
            for (Violation v : ((InvalidValuesException) t).violations()) {
                out.add(new ErrorEntry(v.field(), v.value(), v.rule(), v.source()));
            }
            return new Classified(ExitCodes.INVALID_INPUT, out);
        }
        if (t instanceof AuthenticationException) {
            return api(ExitCodes.AUTH, (ApiException) t, "authentication");
        }
        if (t instanceof PermissionException) {
            PermissionException p = (PermissionException) t;
            String key = p.privilege().map(pr -> "permission " + pr).orElse("permission");
            return new Classified(ExitCodes.PERMISSION, List.of(new ErrorEntry(key, p.aclPath().orElse(""),
                    p.status() + " " + CliText.clean(p.error().text()), request(p))));
        }
        if (t instanceof ApiException) {
            return api(ExitCodes.API, (ApiException) t, "api");
        }
        if (t instanceof TaskFailedException) {
            TaskFailedException e = (TaskFailedException) t;
            return new Classified(ExitCodes.TASK_FAILED, List.of(new ErrorEntry("task", e.upid().type(),
                    e.exitStatus(), e.upid().toString())));
        }
        if (t instanceof ProxmoxTimeoutException) {
            return new Classified(ExitCodes.TIMEOUT, List.of(new ErrorEntry("timeout", "", timeoutText(t.getMessage()),
                    "")));
        }
        if (t instanceof ResponseTooLargeException) {
            ResponseTooLargeException e = (ResponseTooLargeException) t;
            return new Classified(ExitCodes.API, List.of(new ErrorEntry("connection", "", "the response was larger than "
                    + (e.limit() >> 20) + " MiB after decompression, so reading stopped; no Proxmox VE answer comes near"
                    + " that, so check the URL in PVE_URL and any proxy in between",
                    e.method() + " " + CliText.path(e.path()))));
        }
        if (t instanceof TlsTrustException) {
            TlsTrustException e = (TlsTrustException) t;
            return new Classified(ExitCodes.API, List.of(new ErrorEntry("tls", "", CliText.clean(e.getMessage())
                    + "; pin the node certificate with PVE_FINGERPRINT (SHA-256 as `pvenode cert info` shows) or trust"
                    + " the cluster CA with PVE_CA_FILE=/etc/pve/pve-root-ca.pem",
                    e.method() + " " + CliText.path(e.path()))));
        }
        if (t instanceof TransportException) {
            TransportException e = (TransportException) t;
            return new Classified(ExitCodes.API, List.of(new ErrorEntry("connection", "", CliText.clean(e.getMessage()),
                    e.method() + " " + CliText.path(e.path()))));
        }
        if (t instanceof io.github.proxmoxlxc.node.NodeChannelException) {
            return new Classified(ExitCodes.API, List.of(new ErrorEntry("ssh", "", CliText.clean(t.getMessage()), "")));
        }
        if (t instanceof ProxmoxException) {
            return new Classified(ExitCodes.API, List.of(new ErrorEntry("cause", "", CliText.clean(t.getMessage()),
                    "")));
        }
        if (t instanceof IllegalArgumentException) {
            // the libraries' builders reject malformed values (node names, template references) this way
            return new Classified(ExitCodes.INVALID_INPUT, List.of(new ErrorEntry("input", "",
                    CliText.clean(t.getMessage()), "")));
        }
        String msg = t.getMessage() == null ? "unexpected failure without a message" : CliText.clean(t.getMessage());
        return new Classified(ExitCodes.INTERNAL, List.of(new ErrorEntry("internal", "", msg
                + " (a bug; please report it with the command line you ran)", "")));
    }

    private static final java.util.regex.Pattern CALL_TIMEOUT = java.util.regex.Pattern.compile(
            "call timeout of (PT[0-9.HMS]+) \\(ProxmoxClient\\.Builder\\.callTimeout\\)");

    /** The library's timeout text in CLI words: the call deadline is the {@code --call-timeout} flag. */
    static String timeoutText(String message) {
        String m = CliText.clean(message == null ? "" : message);
        java.util.regex.Matcher x = CALL_TIMEOUT.matcher(m);
        if (x.find()) {
            long ms = java.time.Duration.parse(x.group(1)).toMillis();
            m = m.substring(0, x.start()) + "call timeout of " + Durations.format(ms) + " (raise it with --call-timeout)"
                    + m.substring(x.end());
        }
        return m;
    }

    /** The failed request, {@code METHOD /decoded/path}. */
    static String request(ApiException e) {
        return e.error().method() + " " + CliText.path(e.error().path());
    }

    /**
     * An API error: key {@code api} (or {@code authentication}), no value, rule = status and
     * Proxmox's own message, source = the request; parameter errors name their parameter.
     */
    private static Classified api(int code, ApiException e, String key) {
        String source = request(e);
        if (!e.errors().isEmpty()) {
            List<ErrorEntry> out = new ArrayList<>();
            e.errors().forEach((k, v) -> out.add(new ErrorEntry(k, "", e.status() + " " + CliText.clean(v), source)));
            return new Classified(code, out);
        }
        String text = CliText.clean(e.error().text());
        return new Classified(code, List.of(new ErrorEntry(key, "", (e.status() + " " + text).strip(), source)));
    }

    /** The JSON document. */
    static Map<String, Object> document(List<ErrorEntry> entries) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ErrorEntry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.key());
            m.put("value", e.value());
            m.put("rule", e.rule());
            m.put("source", e.source());
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("errors", list);
        return doc;
    }

    /** Reports a failure (JSON on stdout with --json, lines on stderr always); returns the exit code. */
    static int report(Throwable t, Out out) {
        Classified c = classify(t);
        for (ErrorEntry e : c.entries()) {
            out.note("error: " + e.describe());
        }
        if (out.json()) {
            out.document(document(c.entries()));
        }
        out.flush();
        return c.exitCode();
    }
}
