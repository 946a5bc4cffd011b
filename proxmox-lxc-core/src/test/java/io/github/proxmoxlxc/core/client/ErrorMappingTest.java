package io.github.proxmoxlxc.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each exception type arises from a response as pveproxy really sends it, with all its text kept. */
class ErrorMappingTest {
    @RegisterExtension
    static PveServer pve = new PveServer();

    private Throwable failureOf(ResponseDefinitionBuilder response, java.util.function.Consumer<ProxmoxClient> call) {
        pve.wm.stubFor(any(anyUrl()).willReturn(response));
        try (ProxmoxClient c = pve.clientBuilder().retry(RetryPolicy.none()).build()) {
            return catchThrowable(() -> call.accept(c));
        }
    }

    private static ResponseDefinitionBuilder status(int code, String reason, String body) {
        ResponseDefinitionBuilder b = aResponse().withStatus(code).withStatusMessage(reason);
        return body == null ? b : b.withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    @Test
    void unauthorizedWithEmptyBody_keepsTheReasonPhrase() {
        Throwable t = failureOf(status(401, "Authentication failed!", null), ProxmoxClient::version);
        assertThat(t).isExactlyInstanceOf(AuthenticationException.class)
                .hasMessage("GET /version: 401 Authentication failed!");
        AuthenticationException e = (AuthenticationException) t;
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.reasonPhrase()).isEqualTo("Authentication failed!");
        assertThat(e.bodyMessage()).isEmpty();
        assertThat(e.errors()).isEmpty();
        assertThat(e.error().method()).isEqualTo("GET");
        assertThat(e.error().path()).isEqualTo("/version");
    }

    @Test
    void badRequestWithErrors_isParameterExceptionWithFieldMap() {
        Throwable t = failureOf(status(400, "Parameter verification failed.",
                "{\"data\":null,\"errors\":{\"hostname\":\"invalid format - value does not look like a valid DNS name\\n\","
                        + "\"cores\":\"value must have a minimum value of 1\"},\"message\":\"Parameter verification failed.\\n\"}"),
                c -> c.node("pve1").containers().create(Map.of("vmid", "100", "hostname", "a_b", "cores", "0")));
        assertThat(t).isExactlyInstanceOf(ParameterException.class);
        ParameterException e = (ParameterException) t;
        assertThat(e.errors()).containsEntry("hostname", "invalid format - value does not look like a valid DNS name")
                .containsEntry("cores", "value must have a minimum value of 1");
        assertThat(e.bodyMessage()).contains("Parameter verification failed.");
        assertThat(e.getMessage()).startsWith("POST /nodes/pve1/lxc: 400 Parameter verification failed.")
                .contains("cores=value must have a minimum value of 1");
    }

    @Test
    void serverErrorWithMessage_keepsBodyMessageAndReason() {
        Throwable t = failureOf(status(500, "unable to create CT 100 - storage 'fast' does not support rootdir",
                "{\"data\":null,\"message\":\"unable to create CT 100 - storage 'fast' does not support rootdir\\n\"}"),
                c -> c.node("pve1").container(100).config());
        assertThat(t).isExactlyInstanceOf(ApiException.class);
        ApiException e = (ApiException) t;
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.bodyMessage()).contains("unable to create CT 100 - storage 'fast' does not support rootdir");
        assertThat(e.reasonPhrase()).isEqualTo("unable to create CT 100 - storage 'fast' does not support rootdir");
    }

    @Test
    void serverErrorWithReasonOnly_olderServer_usesReasonAsText() {
        Throwable t = failureOf(status(500, "Only root can pass arbitrary filesystem paths.", "{\"data\":null}"),
                c -> c.node("pve1").containers().create(Map.of("vmid", "100")));
        assertThat(t).isExactlyInstanceOf(ApiException.class)
                .hasMessage("POST /nodes/pve1/lxc: 500 Only root can pass arbitrary filesystem paths.");
        assertThat(((ApiException) t).bodyMessage()).isEmpty();
    }

    @Test
    void forbiddenPermissionCheck_parsesPathAndPrivilege() {
        Throwable t = failureOf(status(403, "Permission check failed (/vms/100, VM.Allocate)",
                "{\"data\":null,\"message\":\"Permission check failed (/vms/100, VM.Allocate)\\n\"}"),
                c -> c.node("pve1").container(100).start());
        assertThat(t).isExactlyInstanceOf(PermissionException.class);
        PermissionException e = (PermissionException) t;
        assertThat(e.aclPath()).contains("/vms/100");
        assertThat(e.privilege()).contains("VM.Allocate");
    }

    @Test
    void forbiddenRootOnly_keepsDetailWithoutPath() {
        Throwable t = failureOf(status(403,
                "Permission check failed (configuring device passthrough is only allowed for root@pam)", null),
                c -> c.node("pve1").container(100).updateConfig(Map.of("dev0", "/dev/dri/renderD128")));
        PermissionException e = (PermissionException) t;
        assertThat(e.aclPath()).isEmpty();
        assertThat(e.privilege()).isEmpty();
        assertThat(e.detail()).contains("configuring device passthrough is only allowed for root@pam");
    }

    @Test
    void proxyError596_isNodeProxyTransportError() {
        Throwable t = failureOf(status(596, "Connection timed out", null), c -> c.node("pve2").status());
        assertThat(t).isExactlyInstanceOf(NodeProxyException.class).isInstanceOf(TransportException.class)
                .hasMessage("GET /nodes/pve2/status: 596 Connection timed out");
        assertThat(((NodeProxyException) t).status()).isEqualTo(596);
        assertThat(((NodeProxyException) t).error().reasonPhrase()).isEqualTo("Connection timed out");
    }

    @Test
    void lockedContainer_parsesLockType() {
        Throwable t = failureOf(status(500, "CT is locked (create)", "{\"data\":null}"),
                c -> c.node("pve1").container(100).updateConfig(Map.of("memory", "512")));
        LockedException e = (LockedException) t;
        assertThat(e.lockType()).contains("create");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void lockFileTimeout_isTransientLock() {
        Throwable t = failureOf(status(500,
                "can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout",
                "{\"data\":null,\"message\":\"can't lock file '/run/lock/lxc/pve-config-100.lock' - got timeout\\n\"}"),
                c -> c.node("pve1").container(100).config());
        LockedException e = (LockedException) t;
        assertThat(e.lockType()).isEmpty();
        assertThat(e.lockFile()).contains("/run/lock/lxc/pve-config-100.lock");
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void createWithUsedId_isAlreadyExists() {
        Throwable t = failureOf(status(500, "CT 100 already exists on node 'pve1'",
                "{\"data\":null,\"message\":\"CT 100 already exists on node 'pve1'\\n\"}"),
                c -> c.node("pve1").containers().create(Map.of("vmid", "100")));
        assertThat(t).isExactlyInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void missingConfig_isNotFound() {
        Throwable t = failureOf(status(500, "Configuration file 'nodes/pve1/lxc/100.conf' does not exist",
                "{\"data\":null}"), c -> c.node("pve1").container(100).status());
        assertThat(t).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void plainTextErrorBody_isKeptAsMessage() {
        Throwable t = failureOf(aResponse().withStatus(501).withStatusMessage("Unexpected content for method 'DELETE'")
                .withBody("Unexpected content for method 'DELETE'\n"), c -> c.get("/nodes"));
        assertThat(t).isExactlyInstanceOf(ApiException.class);
        assertThat(((ApiException) t).bodyMessage()).contains("Unexpected content for method 'DELETE'");
    }
}
