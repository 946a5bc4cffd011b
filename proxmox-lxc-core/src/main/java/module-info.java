/**
 * Provision LXC containers on Proxmox VE: the container spec, layered {@code .vars} configuration,
 * the API client and the provisioner.
 */
module io.github.proxmoxlxc.core {
    requires org.slf4j;
    requires okhttp3;
    requires okio;
    requires com.fasterxml.jackson.databind;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.bulkhead;
    requires static transitive org.jspecify;

    exports io.github.proxmoxlxc.core;
    exports io.github.proxmoxlxc.core.spec;
    exports io.github.proxmoxlxc.core.config;
    exports io.github.proxmoxlxc.core.client;
    exports io.github.proxmoxlxc.core.provision;
    exports io.github.proxmoxlxc.core.apps;
}
