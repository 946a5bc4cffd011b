package io.github.proxmoxlxc.core.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.proxmoxlxc.core.client.ApiException;
import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.LockedException;
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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs API requests: authentication, the per-node concurrency limit (a Resilience4j bulkhead per
 * node) around each attempt, and the one retry layer (Resilience4j) for idempotent requests.
 */
public final class ApiExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExecutor.class);

    private final HttpTransport transport;
    private final Auth auth;
    private final Retry retry;
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
     * Executes a request: logs in if needed, then sends it, retrying only if it is idempotent.
     *
     * @return the success response
     */
    public ApiResult execute(ApiRequest req) {
        if (req.authenticated()) {
            auth.prepare(this);
        }
        if (!req.idempotent() || retry.getRetryConfig().getMaxAttempts() == 1) {
            return attempt(req);
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
