package io.github.proxmoxlxc.testkit.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ACL model: propagation by path segments, most specific entry wins, Proxmox's error texts. */
class AclTest {

    static final String TOKEN = "root@pam!ci";

    @Test
    void privilegeOnRootPropagatesToEveryPathBelow() {
        Acl acl = new Acl(TOKEN, Map.of("/", Set.of("VM.Allocate")));
        assertThat(acl.has(TOKEN, "/vms/100", "VM.Allocate")).isTrue();
        assertThat(acl.has(TOKEN, "/storage/local", "VM.Allocate")).isTrue();
        assertThat(acl.has(TOKEN, "/vms/100", "VM.Audit")).isFalse();
    }

    @Test
    void propagationFollowsWholeSegmentsNotStringPrefixes() {
        Acl acl = new Acl(TOKEN, Map.of("/storage/local", Set.of("Datastore.Audit")));
        assertThat(acl.has(TOKEN, "/storage/local/sub", "Datastore.Audit")).isTrue();
        assertThat(acl.has(TOKEN, "/storage/local-lvm", "Datastore.Audit")).isFalse();
        assertThat(acl.has(TOKEN, "/storage", "Datastore.Audit")).isFalse();
    }

    @Test
    void mostSpecificEntryReplacesWhatIsInherited() {
        Acl acl = new Acl(TOKEN, Map.of("/", Acl.ALL_PRIVILEGES, "/storage/local-lvm", Set.of("Datastore.Audit"),
                "/vms/101", Set.of()));
        assertThat(acl.privileges(TOKEN, "/storage/local-lvm")).containsExactly("Datastore.Audit");
        assertThat(acl.privileges(TOKEN, "/vms/101")).isEmpty();
        assertThat(acl.has(TOKEN, "/vms/100", "VM.Allocate")).isTrue();
    }

    @Test
    void rootAtPamHoldsEveryPrivilegeWhateverTheTokenAcl() {
        Acl acl = new Acl(TOKEN, Map.of());
        assertThat(acl.privileges("root@pam", "/vms/100")).isEqualTo(Acl.ALL_PRIVILEGES);
        assertThat(acl.privileges(TOKEN, "/vms/100")).isEmpty();
    }

    @Test
    void checkNamesPathAndFirstMissingPrivilegeAsProxmoxDoes() {
        Acl acl = new Acl(TOKEN, Map.of("/", Set.of("VM.Audit")));
        assertThatThrownBy(() -> acl.check(TOKEN, "/vms/100", "VM.Audit", "VM.Allocate"))
                .isInstanceOfSatisfying(PveError.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("Permission check failed (/vms/100, VM.Allocate)");
                });
        assertThatThrownBy(() -> acl.checkAny(TOKEN, "/storage/local", "Datastore.Audit", "Datastore.AllocateSpace"))
                .hasMessage("Permission check failed (/storage/local, Datastore.Audit|Datastore.AllocateSpace)");
        acl.checkAny(TOKEN, "/storage/local", "Datastore.Allocate", "VM.Audit");
    }

    @Test
    void effectiveListsTopPathsAndAclPathsWithPrivilegesAsFlags() {
        Acl acl = new Acl(TOKEN, Map.of("/vms", Set.of("VM.Audit"), "/storage/local", Set.of("Datastore.Audit")));
        Map<String, Map<String, Integer>> all = acl.effective(TOKEN, null);
        assertThat(all).containsOnlyKeys("/vms", "/storage/local");
        assertThat(all.get("/vms")).containsExactly(Map.entry("VM.Audit", 1));
        assertThat(acl.effective(TOKEN, "/vms/100/")).containsExactly(Map.entry("/vms/100/", Map.of("VM.Audit", 1)));
        assertThat(acl.effective(TOKEN, "/nodes")).containsExactly(Map.entry("/nodes", Map.of()));
        assertThat(acl.effective("root@pam", null)).containsKeys("/", "/access", "/nodes", "/sdn", "/storage", "/vms");
    }

    @Test
    void malformedPathsAndUnknownPrivilegesAreRejectedByName() {
        assertThatThrownBy(() -> new Acl(TOKEN, Map.of("/vms/", Set.of("VM.Audit"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/vms/'");
        assertThatThrownBy(() -> new Acl(TOKEN, Map.of("/", Set.of("VM.Monitor"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'VM.Monitor'")
                .hasMessageContaining("not a Proxmox VE privilege");
    }

    @Test
    void runtimeReplacementIsSeenByTheNextCheck() {
        Acl acl = new Acl(TOKEN, Acl.allOnRoot());
        acl.setTokenAcl(Map.of("/", Set.of("VM.Audit")));
        assertThat(acl.has(TOKEN, "/vms/100", "VM.Allocate")).isFalse();
        assertThat(acl.tokenAcl()).containsOnlyKeys("/");
    }
}
