/**
 * An in-process, stateful Proxmox VE API simulator for tests: {@link io.github.proxmoxlxc.testkit.PveSimulator}.
 */
module io.github.proxmoxlxc.testkit {
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires wiremock.standalone;

    exports io.github.proxmoxlxc.testkit;
}
