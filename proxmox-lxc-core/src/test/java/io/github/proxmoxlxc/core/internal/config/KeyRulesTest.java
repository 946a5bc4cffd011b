package io.github.proxmoxlxc.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRulesTest {

    @ParameterizedTest(name = "{0}={1} is valid")
    @CsvSource(delimiter = '|', value = {
        "var_cpu|1", "var_cpu|128", "var_ram|256", "var_ram|65536", "var_disk|1",
        "var_mtu|576", "var_mtu|65535", "var_vlan|1", "var_vlan|4094",
        "var_net|dhcp", "var_net|192.168.1.10/24", "var_net|10.0.0.1/32",
        "var_net|10.0.0.10/24-10.0.0.20/24", "var_gateway|192.168.1.1",
        "var_mac|02:AB:cd:00:11:22", "var_tags|community-script;media_1",
        "var_mount_fs|nfs,cifs", "var_mount_fs|' nfs , cifs,'", "var_timezone|host",
        "var_timezone|Europe/Berlin", "var_hostname|jellyfin", "var_hostname|a.b-c.d9",
        "var_ipv6_method|static", "var_brg|vmbr0", "var_sdn_vnet|vnet1",
        "var_container_storage|local-lvm", "var_template_storage|nas.1",
        "var_apt_cacher_ip|192.168.1.10", "var_apt_cacher_ip|http://cache:3142/",
        "var_http_proxy|http://proxy.lan:3128", "var_http_no_proxy|localhost,127.0.0.1,.local",
        "var_inherit_host_ca|auto", "var_inherit_host_ca|Yes", "var_post_install|/root/hook.sh",
        "var_os|debian", "var_version|24.04", "var_ctid|100", "var_ctid|999999999",
        "var_pw|any thing $(at) all", "var_ns|8.8.8.8"})
    void validValues_pass(String key, String value) {
        assertThat(KeyRules.violatedRule(key, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource(delimiter = '|', value = {
        "var_cpu|0", "var_cpu|129", "var_cpu|-1", "var_cpu|2.5", "var_cpu|99999999999999999999",
        "var_ram|255", "var_disk|0", "var_mtu|575", "var_mtu|65536", "var_vlan|0",
        "var_vlan|4095", "var_net|static", "var_net|192.168.1.10", "var_net|256.1.1.1/24",
        "var_net|10.0.0.1/0", "var_net|10.0.0.1/33", "var_gateway|10.0.0.1/24",
        "var_gateway|10.0.0.256", "var_mac|02:ab:cd:00:11", "var_mac|02-ab-cd-00-11-22",
        "var_tags|a,b", "var_tags|a b", "var_tags|$(id)", "var_mount_fs|nfs;cifs",
        "var_mount_fs|nfs,,cifs", "var_timezone|Mars/Olympus", "var_timezone|../../etc/passwd",
        "var_hostname|Jellyfin", "var_hostname|-web", "var_hostname|a..b", "var_hostname|a_b",
        "var_ipv6_method|disable", "var_ipv6_method|AUTO", "var_brg|vmbr0;rm",
        "var_brg|averyverylongbridge", "var_sdn_vnet|1vnet", "var_container_storage|Local",
        "var_container_storage|local-", "var_http_proxy|proxy:3128",
        "var_http_no_proxy|a, b", "var_inherit_host_ca|sometimes", "var_post_install|hook.sh",
        "var_post_install|/root/a.sh;rm -rf /", "var_post_install|/root/$(id).sh",
        "var_post_install|/root/`id`.sh", "var_post_install|/a && b",
        "var_os|../../etc", "var_version|13/../..", "var_ctid|99", "var_unprivileged|2"})
    void invalidValues_areRejectedWithARule(String key, String value) {
        assertThat(KeyRules.violatedRule(key, value)).get().asString().isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"var_fuse,1,yes", "var_fuse,OFF,no", "var_nesting,yes,1", "var_keyctl,False,0",
        "var_inherit_host_ca,on,yes", "var_inherit_host_ca,AUTO,auto", "var_cpu,4,4"})
    void canonical_writesBooleansInTheSpellingBuildFuncReadsForTheKey(String key, String in,
            String out) {
        assertThat(KeyRules.canonical(key, in)).isEqualTo(out);
    }
}
