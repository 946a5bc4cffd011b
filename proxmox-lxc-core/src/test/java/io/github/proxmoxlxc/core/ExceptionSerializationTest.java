package io.github.proxmoxlxc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ApiError;
import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.TaskFailedException;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.core.internal.provision.ProvisionAccess;
import io.github.proxmoxlxc.core.provision.PreflightException;
import io.github.proxmoxlxc.core.provision.PreflightProblem;
import io.github.proxmoxlxc.core.provision.SpecMismatchException;
import io.github.proxmoxlxc.core.spec.InvalidSpecException;
import io.github.proxmoxlxc.core.spec.SpecDifference;
import io.github.proxmoxlxc.core.spec.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exceptions that carry lists of records keep them through Java serialization. */
class ExceptionSerializationTest {
    @Test
    void invalidSpecException_keepsItsViolations() throws Exception {
        List<Violation> violations = List.of(Violation.of("hostname", "-bad", "must be a DNS name"),
                new Violation("var_vlan", "x", "must be 1..4094", "app.vars:3"));
        InvalidSpecException e = new InvalidSpecException(violations);

        InvalidSpecException copy = roundTrip(e);

        assertThat(copy.violations()).containsExactlyElementsOf(violations);
        assertThat(copy.getMessage()).isEqualTo(e.getMessage());
        assertThatThrownBy(() -> copy.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void preflightException_keepsItsProblems() throws Exception {
        List<PreflightProblem> problems = List.of(new PreflightProblem("storage", "local-lvm", "is not active",
                "activate it"), new PreflightProblem("permission", "/vms/120 VM.Allocate", "missing", "grant it"));

        PreflightException copy = roundTrip(ProvisionAccess.preflight("web1", "pve1", problems));

        assertThat(copy.problems()).containsExactlyElementsOf(problems);
        assertThat(copy.label()).isEqualTo("web1");
    }

    @Test
    void specMismatchException_keepsItsDifferences_includingAbsentValues() throws Exception {
        List<SpecDifference> differences = List.of(new SpecDifference("memory", "2048", "1024"),
                new SpecDifference("net1", null, "name=eth1,bridge=vmbr1"));

        SpecMismatchException copy = roundTrip(ProvisionAccess.mismatch("web1", 120, "pve1", differences));

        assertThat(copy.differences()).containsExactlyElementsOf(differences);
        assertThat(copy.vmid()).hasValue(120);
    }

    @Test
    void apiException_keepsItsResponseDetail() throws Exception {
        ApiError error = new ApiError("POST", "/nodes/pve1/lxc", 400, "Parameter verification failed.",
                "Parameter verification failed.", Map.of("net0", "invalid format"));

        ApiException copy = roundTrip(new ApiException(error));

        assertThat(copy.error()).isEqualTo(error);
        assertThat(copy.getMessage()).isEqualTo(new ApiException(error).getMessage());
    }

    @Test
    void taskFailedException_keepsItsUpidAndLogTail() throws Exception {
        Upid upid = Upid.parse("UPID:pve1:000934AF:0D015579:68BF3A41:vzcreate:120:automation@pve!ci:");

        TaskFailedException copy = roundTrip(new TaskFailedException(upid, "no space left", List.of("tar: write error")));

        assertThat(copy.upid()).isEqualTo(upid);
        assertThat(copy.logTail()).containsExactly("tar: write error");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T roundTrip(T e) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
