package io.github.proxmoxlxc.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VarsKeysTest {

    @Test
    void whitelist_isBuildFuncs40KeysWithoutTheOnceOnlyOnes() {
        assertThat(VarsKeys.WHITELIST).hasSize(40).doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(k).startsWith("var_"))
                .contains("var_searchdomain", "var_sdn_vnet", "var_post_install", "var_keyctl")
                .doesNotContain("var_ctid", "var_ipv6_static");
    }

    @Test
    void ctid_isKnownButNotWhitelisted() {
        assertThat(VarsKeys.isKnown("var_ctid")).isTrue();
        assertThat(VarsKeys.isWhitelisted("var_ctid")).isFalse();
    }

    @Test
    void secrets_areThePasswordAndTheGithubToken() {
        assertThat(VarsKeys.WHITELIST).filteredOn(VarsKeys::isSecret)
                .containsExactlyInAnyOrder("var_pw", "var_github_token");
    }

    @Test
    void appDefaultsOrder_coversEveryWhitelistedKeyExceptTheNeverSavedOnes() {
        assertThat(AppDefaults.ORDER).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(VarsKeys.WHITELIST.stream()
                        .filter(k -> !VarsKeys.isSecret(k)).toList());
    }
}
