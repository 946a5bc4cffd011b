package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.LockedException;
import io.github.proxmoxlxc.core.client.NodeProxyException;
import io.github.proxmoxlxc.core.client.ProxmoxTimeoutException;
import io.github.proxmoxlxc.core.client.ResponseTooLargeException;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.TlsTrustException;
import io.github.proxmoxlxc.core.client.TransportException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs API requests: authentication, the per-node concurrency limit (a Resilience4j bulkhead per
 * node) around each attempt, and the one retry layer (Resilience4j): reads and idempotent writes on
 * transient failures, changing requests only when the failure proves they were not carried out.
 */
public final class ApiExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExecutor.class);

    private final HttpTransport transport;
    private final Auth auth;
    private final Retry retry;
    private final Retry unsentRetry;
    private final Retry readRetry;
    private final BulkheadConfig bulkheadConfig;
    private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();

    /**
     * Creates the executor.
     *
     * @param transport the HTTP transport
     * @param auth the credentials
     * @param policy the retry policy
     * @param maxConcurrentPerNode the concurrency limit per node
     * @param maxWaitForSlot how long a request waits for a free slot
     */
    public ApiExecutor(HttpTransport transport, Auth auth, RetryPolicy policy, int maxConcurrentPerNode,
                       Duration maxWaitForSlot) {
        this.transport = transport;
        this.auth = auth;
        this.retry = Retry.of("proxmox", RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(policy.initialBackoff(),
                        policy.multiplier(), policy.jitter(), policy.maxBackoff()))
                .retryOnException(ApiExecutor::retryable)
                .failAfterMaxAttempts(false)
                .build());
        // the same schedule for a changing request, but only for failures that prove it was not carried out
        this.unsentRetry = Retry.of("proxmox-unsent", RetryConfig.from(retry.getRetryConfig())
                .retryOnException(ApiExecutor::notCarriedOut)
                .build());
        this.readRetry = Retry.of("proxmox-read", RetryConfig.from(retry.getRetryConfig())
                .retryOnException(ApiExecutor::readRetryable)
                .build());
        this.readRetry.getEventPublisher().onRetry(e -> LOG.debug("retry read {} after {}: {}",
                e.getNumberOfRetryAttempts(), e.getWaitInterval(),
                e.getLastThrowable() == null ? "" : e.getLastThrowable().getMessage()));
        this.unsentRetry.getEventPublisher().onRetry(e -> LOG.debug("re-send {} after {} (not carried out): {}",
                e.getNumberOfRetryAttempts(), e.getWaitInterval(),
                e.getLastThrowable() == null ? "" : e.getLastThrowable().getMessage()));
        this.retry.getEventPublisher().onRetry(e -> LOG.debug("retry {} after {}: {}", e.getNumberOfRetryAttempts(),
                e.getWaitInterval(), e.getLastThrowable() == null ? "" : e.getLastThrowable().getMessage()));
        this.bulkheadConfig = BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrentPerNode)
                .maxWaitDuration(maxWaitForSlot)
                .build();
    }

    /**
     * Whether a failure may be retried for an idempotent request: a lost response (I/O error,
     * timeout, 595/596) other than a TLS trust failure, a held config lock, 502/503/504. The
     * provisioner retries its steps on the same failures.
     *
     * @param t the failure
     * @return true when trying again later may succeed
     */
    public static boolean retryable(Throwable t) {
        if (t instanceof TlsTrustException || t instanceof ResponseTooLargeException) {
            return false;
        }
        if (t instanceof TransportException) {
            return true;
        }
        if (t instanceof LockedException) {
            return ((LockedException) t).isTransient();
        }
        if (t instanceof ApiException) {
            int s = ((ApiException) t).status();
            return s == 502 || s == 503 || s == 504;
        }
        return false;
    }

    /**
     * Whether a failed read may be sent again: everything {@link #retryable(Throwable)} allows, and
     * a plain 500. A GET handler in Proxmox changes nothing, so a 500 on it (pvedaemon restarting,
     * a worker dying, a task index being rotated) says nothing about the thing read: for example a
     * 500 on {@code GET .../tasks/{upid}/status} does not mean the task failed. Typed answers
     * (not found, locked by an operation, permission, parameter) are final and not retried.
     *
     * @param t the failure
     * @return true when reading again may succeed
     */
    static boolean readRetryable(Throwable t) {
        if (retryable(t)) {
            return true;
        }
        return t.getClass() == ApiException.class && ((ApiException) t).status() == 500;
    }

    /**
     * Whether a failure proves that Proxmox did not carry out the request, so that even a changing
     * request (a POST that creates, starts or clones) may be sent again:
     * <ul>
     * <li>{@code can't lock file '...' - got timeout} in the response: the handler died acquiring
     * the config lock, before it changed anything ({@code lock_config_full} in pve-guest-common's
     * AbstractConfig; create and clone take the lock of the new guest first, and clone releases the
     * source's {@code disk} lock again when that fails);</li>
     * <li>595 from the proxy hop: AnyEvent::HTTP could not establish the connection to pvedaemon or
     * the other node, so the request never reached a handler;</li>
     * <li>a connection to the API that could not be opened at all (nothing was sent).</li>
     * </ul>
     * A 596, 597, 599, a reset or a read timeout may come after the handler acted, and is never a
     * reason to re-send a change.
     *
     * @param t the failure
     * @return true when the request certainly had no effect
     */
    public static boolean notCarriedOut(Throwable t) {
        if (t instanceof LockedException) {
            return ((LockedException) t).isTransient();
        }
        if (t instanceof NodeProxyException) {
            return ((NodeProxyException) t).status() == 595;
        }
        if (t instanceof TransportException && !(t instanceof TlsTrustException)) {
            return t.getCause() instanceof ConnectException;
        }
        return false;
    }

    /**
     * Executes a request: logs in if needed, then sends it, retrying only if it is idempotent.
     *
     * @return the success response
     */
    public ApiResult execute(ApiRequest req) {
        if (req.authenticated()) {
            auth.prepare(this);
        }
        if (retry.getRetryConfig().getMaxAttempts() == 1) {
            return attempt(req);
        }
        if (!req.idempotent()) {
            return unsentRetry.executeSupplier(() -> attempt(req));
        }
        if (req.method() == HttpMethod.GET) {
            return readRetry.executeSupplier(() -> attempt(req));
        }
        return retry.executeSupplier(() -> attempt(req));
    }

    /** Executes a request and returns the envelope's data. */
    public JsonNode data(HttpMethod method, String path, Map<String, String> params) {
        return execute(ApiRequest.of(method, path, params)).data();
    }

    private ApiResult attempt(ApiRequest req) {
        attempts.incrementAndGet();
        Bulkhead bh = bulkheads.computeIfAbsent(req.nodeKey(), k -> Bulkhead.of("node:" + k, bulkheadConfig));
        try {
            bh.acquirePermission();
        } catch (BulkheadFullException e) {
            throw new ProxmoxTimeoutException(req.method() + " " + req.path() + ": no free slot within "
                    + bulkheadConfig.getMaxWaitDuration() + " (limit " + bulkheadConfig.getMaxConcurrentCalls()
                    + " concurrent requests per node '" + req.nodeKey() + "')", e);
        }
        try {
            return transport.send(req, auth);
        } finally {
            bh.onComplete();
        }
    }

    /** The number of HTTP attempts made so far (all requests, including retries). */
    public long attempts() {
        return attempts.get();
    }

    /** A description of the credentials, without secrets. */
    public String describeAuth() {
        return auth.describe();
    }

    /** The transport. */
    public HttpTransport transport() {
        return transport;
    }

    @Override
    public void close() {
        transport.close();
    }
}
