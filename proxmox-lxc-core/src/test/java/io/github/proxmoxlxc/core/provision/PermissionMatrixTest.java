package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.proxmoxlxc.core.client.DestroyOptions;
import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.PermissionException;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission matrix of issue 12: for every step of a provision (create with each option group,
 * start, the stop and destroy of a rollback, template download) the plan lists privileges; a token
 * holding exactly those succeeds end to end (create, start, stop, destroy); a token missing any one
 * of them fails at preflight naming it before any change; and with preflight off the simulator
 * itself refuses with Proxmox's 403 text. The simulator's rules come from its own table (testkit
 * {@code ConfigPermissions}), so this test checks core's plan against an independent model.
 */
class PermissionMatrixTest {

    static final int VMID = 150;
    static final String POOL = "matrix";

    /** Every cluster of the matrix has the pool the pool group creates into. */
    static final java.util.function.Consumer<PveSimulator.Builder> CLUSTER = b -> b.addPool(POOL, "permission matrix");

    static Stream<Arguments> groups() {
        return Stream.of(
                group("cpu, memory, disk, network", b -> b),
                group("cpulimit and cpuunits", b -> b.cpuLimit(1.5).cpuUnits(512)),
                group("options (description, onboot, tags, timezone)", b -> b.description("matrix").onBoot(true)
                        .addTag("ci").timezone("UTC")),
                group("dns (nameserver, searchdomain)", b -> b.addNameserver("192.168.100.1")
                        .addSearchDomain("lan")),
                group("mount point", b -> b.mountPoint(0, MountPoint.builder().volume("local-lvm", 1).path("/data")
                        .build())),
                group("nesting", b -> b.features(Features.nestingOnly())),
                group("ha-managed", b -> b.haManaged(true)),
                group("privileged", b -> b.unprivileged(false)),
                // create_vm with a pool: VM.Allocate and every VM.Config.* on /pool/<pool> (check_vm_perm)
                group("pool", b -> b.pool(POOL).description("in a pool")),
                Arguments.of("template download", (UnaryOperator<ContainerSpec.Builder>) b -> b, "ubuntu-24.04-standard"));
    }

    static Arguments group(String name, UnaryOperator<ContainerSpec.Builder> options) {
        return Arguments.of(name, options, "debian-12-standard");
    }

    static ProvisionRequest request(UnaryOperator<ContainerSpec.Builder> options, String template) {
        ContainerSpec.Builder b = SimFixture.spec("matrix").toBuilder().vmid(VMID);
        return ProvisionRequest.builder().spec(options.apply(b).build()).template(template).build();
    }

    /** The plan's ACL privileges as path to privileges. */
    static Map<String, Set<String>> planned(ProvisionPlan plan) {
        Map<String, Set<String>> acl = new TreeMap<>();
        for (RequiredPrivilege r : plan.privileges()) {
            if (r.kind() == RequiredPrivilege.Kind.ACL) {
                acl.computeIfAbsent(r.path(), k -> new TreeSet<>()).add(r.privilege());
            }
        }
        return acl;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void exactlyThePlannedPrivilegesSucceed_andEachMissingOneFailsAtPreflightAndAtTheSimulator(String name,
            UnaryOperator<ContainerSpec.Builder> options, String template) {
        ProvisionRequest request = request(options, template);
        boolean downloads = !template.equals("debian-12-standard");
        try (SimFixture f = SimFixture.start(CLUSTER, Duration.ofSeconds(10)); ProxmoxClient root = rootClient(f)) {
            Map<String, Set<String>> needed = planned(Provisioner.on(f.client, opts(f).build()).preflight(request));
            assertThat(needed).as("the plan names privileges for %s", name).isNotEmpty();
            assertThat(needed.keySet()).allMatch(p -> !p.contains("{"), "paths are concrete with a fixed vmid and node");
            if (name.equals("pool")) {
                assertThat(needed.get("/pool/" + POOL)).contains("VM.Allocate", "VM.Config.Memory", "VM.Config.CPU",
                        "VM.Config.Options");
                assertThat(needed.getOrDefault("/vms/" + VMID, Set.of())).noneMatch(p -> p.startsWith("VM.Config."));
            }

            // exactly the planned privileges: create, start, then stop and destroy with the same token
            f.sim.setTokenPrivileges(needed);
            ProvisionResult ok = Provisioner.on(f.client, opts(f).build()).provision(request);
            assertThat(ok.status()).isEqualTo("running");
            io.github.proxmoxlxc.core.client.Container ct = f.client.node(ok.node()).container(ok.vmid());
            f.client.tasks().await(ct.stop(), Duration.ofSeconds(20));
            f.client.tasks().await(ct.destroy(DestroyOptions.purgeAll()), Duration.ofSeconds(20));
            assertThat(f.containers()).isEmpty();

            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, Set<String>> e : needed.entrySet()) {
                for (String missing : e.getValue()) {
                    Map<String, Set<String>> acl = new LinkedHashMap<>(needed);
                    Set<String> less = new TreeSet<>(e.getValue());
                    less.remove(missing);
                    acl.put(e.getKey(), less);
                    String subject = missing + " on " + e.getKey();
                    try {
                        if (downloads) {
                            // a fresh cluster per case, so the template is still to be downloaded
                            try (SimFixture g = SimFixture.start(CLUSTER, Duration.ofSeconds(10));
                                    ProxmoxClient r = rootClient(g)) {
                                atPreflight(g, request, acl, subject);
                                atSimulator(g, r, request, acl, e.getKey(), missing);
                            }
                        } else {
                            atPreflight(f, request, acl, subject);
                            atSimulator(f, root, request, acl, e.getKey(), missing);
                        }
                    } catch (AssertionError err) {
                        failures.add(subject + ": " + err.getMessage());
                    }
                }
            }
            assertThat(failures).as("cases of group '%s' that failed", name).isEmpty();
        }
    }

    /** A token without VM.Audit cannot watch its rollback: bound that wait. */
    private static ProvisionOptions.Builder opts(SimFixture f) {
        return f.options().rollbackTimeout(Duration.ofSeconds(4));
    }

    private static ProxmoxClient rootClient(SimFixture f) {
        return ProxmoxClient.builder().baseUrl(f.sim.baseUrl()).password("root@pam", f.sim.rootPassword())
                .trust(Trust.fingerprints(f.sim.fingerprint())).build();
    }

    private static void atPreflight(SimFixture f, ProvisionRequest request, Map<String, Set<String>> acl, String subject) {
        f.sim.setTokenPrivileges(acl);
        f.sim.resetRequestCounts();
        assertThatThrownBy(() -> Provisioner.on(f.client, opts(f).build()).provision(request))
                .isInstanceOfSatisfying(PreflightException.class, e -> {
                    boolean named = e.problems().stream().anyMatch(p -> p.subject().equals(subject));
                    // a storage the token may not list is invisible to placement: the problem names
                    // the storage and the privilege that would show it
                    boolean hidden = subject.startsWith("Datastore.Audit on /storage/") && e.problems().stream()
                            .anyMatch(p -> p.check().equals("storage") && p.remedy().contains("Datastore.Audit"));
                    assertThat(named || hidden).as("problems %s name %s", e.problems(), subject).isTrue();
                });
        assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isZero();
        assertThat(f.sim.requestCount("POST /nodes/{node}/aplinfo")).isZero();
        assertThat(f.containers()).isEmpty();
    }

    /** Preflight off: the simulator refuses on its own; the failure carries Proxmox's 403 text. */
    private static void atSimulator(SimFixture f, ProxmoxClient root, ProvisionRequest request,
            Map<String, Set<String>> acl, String path, String missing) {
        f.sim.setTokenPrivileges(acl);
        Throwable thrown = null;
        try {
            Provisioner.on(f.client, opts(f).preflight(false).build()).provision(request);
        } catch (RuntimeException e) {
            thrown = e;
        }
        cleanUp(f, root);
        assertThat(thrown).as("provisioning without preflight must fail").isNotNull();
        PermissionException pe = permissionCause(thrown);
        if (pe == null) {
            // lists the simulator filters instead of refusing (storages need Datastore.Audit or
            // AllocateSpace to be listed, as in pve-storage): the run fails before a create
            assertThat(missing).as("failure without a 403: " + thrown).isIn("Datastore.Audit", "Datastore.AllocateSpace");
            assertThat(thrown).isInstanceOf(PreflightException.class);
            assertThat(((PreflightException) thrown).problems()).anyMatch(p -> p.check().equals("storage")
                    && p.subject().endsWith("/" + path.substring("/storage/".length())) || p.subject().endsWith("/*"));
            return;
        }
        // check_vm_perm tries /pool/<pool> quietly, then fails naming /vms/<vmid>
        String shown = path.startsWith("/pool/") ? "/vms/" + VMID : path;
        String expected = missing.equals("VM.Allocate") && shown.startsWith("/vms/") ? "Permission check failed"
                : "Permission check failed (" + shown + ", ";
        assertThat(pe.getMessage()).as("the 403 text").contains(expected);
        if (!expected.equals("Permission check failed")) {
            assertThat(pe.aclPath()).contains(shown);
            assertThat(pe.privilege().orElse("")).contains(missing);
        }
    }

    private static PermissionException permissionCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PermissionException pe) {
                return pe;
            }
        }
        return null;
    }

    /** Removes what a failed run left (a rollback without privileges cannot), as root@pam. */
    private static void cleanUp(SimFixture f, ProxmoxClient root) {
        if (!f.sim.awaitIdle(Duration.ofSeconds(20))) {
            fail("tasks still running");
        }
        for (ContainerState c : f.sim.containers()) {
            String base = "/nodes/" + c.node() + "/lxc/" + c.vmid();
            if (c.status().equals("running")) {
                root.call(HttpMethod.POST, base + "/status/stop", Map.of());
                f.sim.awaitIdle(Duration.ofSeconds(20));
            }
            root.call(HttpMethod.DELETE, base, Map.of("purge", 1, "destroy-unreferenced-disks", 1));
            f.sim.awaitIdle(Duration.ofSeconds(20));
        }
        assertThat(f.sim.containers()).isEmpty();
    }
}
