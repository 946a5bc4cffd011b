package io.github.proxmoxlxc.core.provision;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one request in a bulk run: a result or a failure, never both.
 *
 * @param request the request
 * @param result the result when it succeeded
 * @param failure the failure when it did not
 */
public record ProvisionOutcome(ProvisionRequest request, Optional<ProvisionResult> result,
                               Optional<ProvisionException> failure) {

    /**
     * Checks that exactly one of result and failure is present.
     *
     * @param request the request
     * @param result the result when it succeeded
     * @param failure the failure when it did not
     */
    public ProvisionOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failure, "failure");
        if (result.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("result and failure: "
                    + (result.isPresent() ? "both present" : "both empty") + "; exactly one must be present");
        }
    }

    /**
     * A success.
     *
     * @param request the request
     * @param result its result
     * @return the outcome
     */
    public static ProvisionOutcome success(ProvisionRequest request, ProvisionResult result) {
        return new ProvisionOutcome(request, Optional.of(result), Optional.empty());
    }

    /**
     * A failure.
     *
     * @param request the request
     * @param failure the error
     * @return the outcome
     */
    public static ProvisionOutcome failure(ProvisionRequest request, ProvisionException failure) {
        return new ProvisionOutcome(request, Optional.empty(), Optional.of(failure));
    }

    /**
     * Whether the request succeeded.
     *
     * @return true with a result
     */
    public boolean succeeded() {
        return result.isPresent();
    }
}
