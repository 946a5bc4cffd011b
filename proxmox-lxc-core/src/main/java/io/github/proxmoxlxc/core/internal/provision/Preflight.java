package io.github.proxmoxlxc.core.internal.provision;

import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.AuthenticationException;
import io.github.proxmoxlxc.core.client.Permissions;
import io.github.proxmoxlxc.core.client.PveVersion;
import io.github.proxmoxlxc.core.client.TransportException;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.ProvisionPlan;
import io.github.proxmoxlxc.core.provision.RequiredPrivilege;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks before any change that do not depend on placement: reachability and version, the
 * caller's privileges against the plan, root@pam-only options with a token, an explicit VMID
 * already in use.
 */
public final class Preflight {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private Preflight() {
    }

    /**
     * Checks reachability and version.
     *
     * @return the problems; when not empty, nothing else can be checked
     */
    static List<PreflightProblem> reachability(Lookups lookups, List<String> notes, boolean needsDev) {
        List<PreflightProblem> out = new ArrayList<>();
        String url = lookups.client().baseUrl();
        try {
            PveVersion v = lookups.version();
            Matcher m = VERSION.matcher(v.version() == null ? "" : v.version());
            if (m.find()) {
                int major = Integer.parseInt(m.group(1));
                int minor = Integer.parseInt(m.group(2));
                if (major < 8) {
                    out.add(new PreflightProblem("version", url, "Proxmox VE " + v.version()
                            + " is older than 8.0, which this library supports", "upgrade the cluster to 8.x or 9.x"));
                } else if (needsDev && major == 8 && minor < 1) {
                    out.add(new PreflightProblem("version", url, "Proxmox VE " + v.version()
                            + " has no dev[n] passthrough (added in 8.1)", "upgrade to 8.1 or later, or use raw lxc lines"));
                }
            } else {
                notes.add("could not parse the Proxmox VE version '" + v.version() + "'");
            }
        } catch (AuthenticationException e) {
            out.add(new PreflightProblem("authentication", lookups.client().authenticatedAs(), e.getMessage(),
                    "check the token id and secret (or user and password)"));
        } catch (TransportException e) {
            out.add(new PreflightProblem("reachability", url, e.getMessage(),
                    "check the URL, the network and the TLS trust settings"));
        }
        return out;
    }

    /** Checks the caller's ACL privileges and root@pam needs against the plan. */
    static List<PreflightProblem> privileges(Lookups lookups, ProvisionPlan plan, List<String> notes) {
        List<PreflightProblem> out = new ArrayList<>();
        String who = lookups.client().authenticatedAs();
        boolean token = lookups.client().usesApiToken();
        boolean root = !token && who.equals("root@pam");
        Set<RequiredPrivilege> needed = new LinkedHashSet<>(plan.privileges());
        for (RequiredPrivilege r : needed) {
            if (r.kind() == RequiredPrivilege.Kind.ROOT_AT_PAM && !root) {
                out.add(new PreflightProblem("root@pam", r.path(), r.reason() + "; the client authenticates as "
                        + (token ? "API token " : "") + who, "log in as root@pam with a password "
                        + "(ProxmoxClient.builder().password(\"root@pam\", ...)), or drop the option, or apply it "
                        + "through a node patch"));
            }
        }
        if (root) {
            return out;
        }
        Permissions perms;
        try {
            perms = lookups.permissions();
        } catch (ApiException e) {
            notes.add("could not read /access/permissions (" + e.status() + " " + e.getMessage()
                    + "); privileges not checked");
            return out;
        }
        Set<String> reported = new java.util.HashSet<>();
        for (RequiredPrivilege r : needed) {
            if (r.kind() != RequiredPrivilege.Kind.ACL || r.path().contains("{") && !r.path().startsWith("/vms/")
                    || !reported.add(r.privilege() + " " + r.path())) {
                continue;
            }
            if (!has(perms, r.path(), r.privilege()) && !onGuest(perms, plan, r)) {
                out.add(new PreflightProblem("permission", r.privilege() + " on " + r.path(), who + " lacks "
                        + r.privilege() + " (needed to " + r.reason() + ")", "grant it: pveum acl modify "
                        + aclPath(r.path()) + (token ? " --tokens '" : " --users '") + who + "' --roles <a role with "
                        + r.privilege() + ">" + (token ? " (a privilege-separated token needs its own ACL)" : "")));
            }
        }
        return out;
    }

    /**
     * RPCEnvironment::check_vm_perm, which create_vm and check_ct_modify_config_perm use with a
     * pool: a guest privilege planned on {@code /pool/<pool>} is also satisfied on the guest's own
     * path, {@code /vms/<vmid>} ({@code /vms} while the vmid is not chosen yet).
     */
    private static boolean onGuest(Permissions perms, ProvisionPlan plan, RequiredPrivilege r) {
        if (!r.path().startsWith("/pool/") || !r.privilege().startsWith("VM.")) {
            return false;
        }
        return has(perms, plan.vmid().isPresent() ? "/vms/" + plan.vmid().getAsInt() : "/vms", r.privilege());
    }

    /**
     * Whether the privilege is granted on the path or inherited from a parent path. Proxmox lists
     * effective privileges per path (inheritance applied, and an ACL entry on a deeper path replaces
     * what it inherits), so the most specific listed path decides; parents count only for paths
     * not listed.
     */
    static boolean has(Permissions perms, String path, String privilege) {
        String p = aclPath(path);
        while (true) {
            Set<String> listed = perms.byPath().get(p);
            if (listed != null) {
                return listed.contains(privilege);
            }
            if (p.equals("/")) {
                return false;
            }
            int i = p.lastIndexOf('/');
            p = i <= 0 ? "/" : p.substring(0, i);
        }
    }

    private static String aclPath(String path) {
        int i = path.indexOf('{');
        if (i < 0) {
            return path;
        }
        String p = path.substring(0, i);
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
