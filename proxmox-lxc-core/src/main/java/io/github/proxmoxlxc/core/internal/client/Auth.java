package io.github.proxmoxlxc.core.internal.client;

import io.github.proxmoxlxc.core.client.HttpMethod;
import okhttp3.Request;

/** Adds credentials to requests; may log in or renew first. Never exposes secrets in toString. */
public interface Auth {

    /** Logs in or renews if needed; called before every authenticated request. */
    void prepare(ApiExecutor executor);

    /** Adds the credential headers for a request with this method. */
    void apply(Request.Builder request, HttpMethod method);

    /** A description without secrets, e.g. {@code token automation@pve!ci}. */
    String describe();
}
