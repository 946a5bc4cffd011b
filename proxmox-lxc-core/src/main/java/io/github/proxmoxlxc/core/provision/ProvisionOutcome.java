package io.github.proxmoxlxc.core.provision;

import java.util.Objects;
import java.util.Optional;

/** The outcome of one request in a bulk run: a result or a failure, never both. */
public final class ProvisionOutcome {
    private final ProvisionRequest request;
    private final ProvisionResult result;
    private final ProvisionException failure;

    private ProvisionOutcome(ProvisionRequest request, ProvisionResult result, ProvisionException failure) {
        this.request = Objects.requireNonNull(request, "request");
        this.result = result;
        this.failure = failure;
    }

    /** A success (only the bulk runner builds outcomes). */
    static ProvisionOutcome success(ProvisionRequest request, ProvisionResult result) {
        return new ProvisionOutcome(request, Objects.requireNonNull(result, "result"), null);
    }

    /** A failure (only the bulk runner builds outcomes). */
    static ProvisionOutcome failure(ProvisionRequest request, ProvisionException failure) {
        return new ProvisionOutcome(request, null, Objects.requireNonNull(failure, "failure"));
    }

    /**
     * The request.
     *
     * @return the request this outcome answers
     */
    public ProvisionRequest request() {
        return request;
    }

    /**
     * The result.
     *
     * @return the result when the request succeeded, else empty
     */
    public Optional<ProvisionResult> result() {
        return Optional.ofNullable(result);
    }

    /**
     * The failure.
     *
     * @return the failure when the request did not succeed, else empty
     */
    public Optional<ProvisionException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether the request succeeded.
     *
     * @return true with a result
     */
    public boolean succeeded() {
        return result != null;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ProvisionOutcome other && request.equals(other.request)
                && Objects.equals(result, other.result) && Objects.equals(failure, other.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, result, failure);
    }

    @Override
    public String toString() {
        return "ProvisionOutcome[request=" + request + ", " + (result != null ? "result=" + result
                : "failure=" + failure) + "]";
    }
}
