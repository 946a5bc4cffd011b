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
            int code = ExitCodes.API;
            for (PreflightProblem pr : p.problems()) {
                out.add(new ErrorEntry(pr.check(), pr.subject(), pr.problem() + "; " + pr.remedy(), "preflight"));
                if (pr.check().equals("authentication")) {
                    code = ExitCodes.AUTH;
                } else if ((pr.check().equals("permission") || pr.check().equals("root@pam"))
                        && code != ExitCodes.AUTH) {
                    code = ExitCodes.PERMISSION;
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
                e.vmid().isPresent() ? Integer.toString(e.vmid().getAsInt()) : "", e.getMessage(),
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
}
