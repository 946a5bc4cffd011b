package io.github.proxmoxlxc.cli;

import io.github.proxmoxlxc.core.client.AuthenticationException;
import io.github.proxmoxlxc.core.provision.PreflightException;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import java.util.ArrayList;
import java.util.List;

/** Classifies provisioning failures: preflight problems, rolled back, needs attention. */
final class ProvisionErrors {
    private ProvisionErrors() {
    }

    /** The classification, or null when {@code t} is not a provisioning failure. */
    static Errors.Classified classify(Throwable t) {
        if (t instanceof PreflightException) {
            PreflightException p = (PreflightException) t;
            List<ErrorEntry> out = new ArrayList<>();
            int code = ExitCodes.INVALID_INPUT;
            for (PreflightProblem pr : p.problems()) {
                out.add(entry(pr));
                if (rank(codeOf(pr)) > rank(code)) {
                    code = codeOf(pr);
                }
            }
            if (p.getCause() instanceof AuthenticationException) {
                code = ExitCodes.AUTH;
            }
            return new Errors.Classified(code, out);
        }
        if (!(t instanceof ProvisionException)) {
            return null;
        }
        ProvisionException e = (ProvisionException) t;
        List<ErrorEntry> out = new ArrayList<>();
        out.add(new ErrorEntry("step " + ProgressPrinter.stepName(e.step()),
                e.vmid().isPresent() ? Integer.toString(e.vmid().getAsInt()) : "", outcome(e),
                e.node().orElse("")));
        Errors.Classified cause = e.getCause() == null ? null : Errors.classify(e.getCause());
        if (cause != null) {
            out.addAll(cause.entries());
        }
        e.rollbackFailure().ifPresent(r -> out.addAll(Errors.classify(r).entries().stream()
                .map(x -> new ErrorEntry("rollback " + x.key(), x.value(), x.rule(), x.source())).toList()));
        int code;
        if (e.needsAttention()) {
            code = ExitCodes.NEEDS_ATTENTION;
        } else if (e.rolledBack()) {
            code = ExitCodes.ROLLED_BACK;
        } else {
            code = cause != null ? cause.exitCode() : ExitCodes.API;
        }
        return new Errors.Classified(code, out);
    }

    /** What became of the container, in CLI terms (the cause follows as its own entries). */
    private static String outcome(ProvisionException e) {
        String step = ProgressPrinter.stepName(e.step());
        if (e.vmid().isEmpty()) {
            return step + " failed; nothing was created";
        }
        int vmid = e.vmid().getAsInt();
        String where = "container " + vmid + e.node().map(n -> " on " + n).orElse("");
        if (e.rolledBack()) {
            return step + " failed; " + where + " was rolled back (destroyed): nothing is left behind";
        }
        if (e.needsAttention()) {
            if (e.rollbackFailure().isPresent()) {
                return step + " failed and the rollback failed too; " + where + " is left behind: inspect it"
                        + " (proxmox-lxc status " + vmid + "), then remove it with proxmox-lxc destroy " + vmid
                        + " --force";
            }
            return step + " failed; " + where + " was kept as requested (--keep-on-failure): inspect it"
                    + " (proxmox-lxc status " + vmid + "), then remove it with proxmox-lxc destroy " + vmid + " --force";
        }
        return step + " failed; " + CliText.clean(e.getMessage());
    }

    /** One preflight problem: the field or subject as key, its value, problem and remedy in CLI terms. */
    static ErrorEntry entry(PreflightProblem pr) {
        String rule = CliText.clean(pr.problem()) + "; " + CliText.clean(pr.remedy());
        switch (pr.check()) {
            case "root@pam":
                return new ErrorEntry(pr.subject(), "", "needs a root@pam login: " + rule, "preflight");
            case "node":
                return new ErrorEntry("--node", pr.subject(), rule, "preflight");
            case "vmid":
                return new ErrorEntry("var_ctid", pr.subject(), rule, "preflight");
            case "storage":
                return new ErrorEntry("storage", pr.subject(), rule + " (var_container_storage,"
                        + " var_template_storage)", "preflight");
            default:
                return new ErrorEntry(pr.check(), pr.subject(), rule, "preflight");
        }
    }

    /**
     * The exit code of one problem: the user's values (node, VMID, storage, template, space) are
     * invalid input (3); authentication 4; privileges 5; reachability and version 6.
     */
    static int codeOf(PreflightProblem pr) {
        switch (pr.check()) {
            case "authentication":
                return ExitCodes.AUTH;
            case "permission":
            case "root@pam":
                return ExitCodes.PERMISSION;
            case "reachability":
            case "version":
                return ExitCodes.API;
            default:
                return ExitCodes.INVALID_INPUT;
        }
    }

    /** Which code wins when problems differ: authentication, then privileges, then the cluster, then input. */
    private static int rank(int code) {
        switch (code) {
            case ExitCodes.AUTH:
                return 4;
            case ExitCodes.PERMISSION:
                return 3;
            case ExitCodes.API:
                return 2;
            default:
                return 1;
        }
    }
}
