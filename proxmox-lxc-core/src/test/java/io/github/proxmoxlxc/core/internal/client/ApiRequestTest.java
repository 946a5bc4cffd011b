package io.github.proxmoxlxc.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
    @Test
    void toString_hidesSecretParameterValues_butKeepsTheRest() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "root@pam");
        form.put("password", "hunter2-canary");
        form.put("CSRFPreventionToken", "csrf-canary");
        form.put("hostname", "web1");
        ApiRequest login = new ApiRequest(HttpMethod.POST, "/access/ticket", form, true, false);

        assertThat(login.toString()).doesNotContain("hunter2-canary", "csrf-canary")
                .isEqualTo("ApiRequest[POST /access/ticket {username=root@pam, password=***,"
                        + " CSRFPreventionToken=***, hostname=web1}, idempotent, unauthenticated]");
        assertThat(login.redactedParams()).doesNotContain("hunter2-canary");
    }
}
