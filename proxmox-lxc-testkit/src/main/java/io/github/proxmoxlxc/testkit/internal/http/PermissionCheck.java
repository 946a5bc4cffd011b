package io.github.proxmoxlxc.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.testkit.internal.model.Acl;
import io.github.proxmoxlxc.testkit.internal.model.PveError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates an endpoint's schema {@code permissions} the way pve-access-control's
 * {@code check_api2_permissions} / {@code exec_api2_perm_check} do: {@code user: all|world} pass,
 * {@code check: [perm, path, privs, (any, 1), (require_param, p)]}, {@code and}, {@code or}; root@pam
 * passes everything. Other check kinds (none in the schema subset) pass.
 */
final class PermissionCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private PermissionCheck() {
    }

    /**
     * Checks a request.
     *
     * @throws PveError 403 with Proxmox's text when a privilege is missing
     */
    static void require(JsonNode permissions, Acl acl, String user, Map<String, ?> params) {
        if (Acl.ROOT.equals(user)) {
            return;
        }
        if (permissions.isMissingNode() || permissions.isNull()) {
            throw PveError.perm("user != root@pam");
        }
        String u = permissions.path("user").asText("");
        if (u.equals("all") || u.equals("world")) {
            return;
        }
        JsonNode check = permissions.get("check");
        if (check == null) {
            throw new PveError(403, "Permission check failed");
        }
        exec(check, acl, user, params, false);
    }

    private static boolean exec(JsonNode check, Acl acl, String user, Map<String, ?> params, boolean noerr) {
        String test = check.path(0).asText();
        switch (test) {
            case "perm": {
                String path = Acl.normalize(replace(check.path(1).asText(), params));
                List<String> privs = new ArrayList<>();
                check.path(2).forEach(n -> privs.add(n.asText()));
                boolean any = false;
                String requireParam = null;
                for (int i = 3; i + 1 < check.size(); i += 2) {
                    String opt = check.get(i).asText();
                    if (opt.equals("any")) {
                        any = check.get(i + 1).asBoolean() || check.get(i + 1).asInt() != 0;
                    } else if (opt.equals("require_param")) {
                        requireParam = check.get(i + 1).asText();
                    }
                }
                if (requireParam != null && params.get(requireParam) == null) {
                    if (noerr) {
                        return false;
                    }
                    throw new PveError(403, "Permission check failed");
                }
                String[] arr = privs.toArray(new String[0]);
                try {
                    if (any) {
                        acl.checkAny(user, path, arr);
                    } else {
                        acl.check(user, path, arr);
                    }
                    return true;
                } catch (PveError e) {
                    if (noerr) {
                        return false;
                    }
                    throw e;
                }
            }
            case "and":
                for (int i = 1; i < check.size(); i++) {
                    if (!exec(check.get(i), acl, user, params, noerr)) {
                        return false;
                    }
                }
                return true;
            case "or":
                for (int i = 1; i < check.size(); i++) {
                    if (exec(check.get(i), acl, user, params, true)) {
                        return true;
                    }
                }
                if (noerr) {
                    return false;
                }
                throw new PveError(403, "Permission check failed");
            default:
                return true;
        }
    }

    private static String replace(String template, Map<String, ?> params) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = params.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : String.valueOf(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
