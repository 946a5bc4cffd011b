package io.github.proxmoxlxc.core.provision;

/**
 * A step that runs inside (or for) a new container after it is running and has its addresses:
 * bootstrap, an install script, a post-install hook. Plugged into the provisioner through
 * {@link ProvisionOptions.Builder#addContainerSetup(ContainerSetup)}; the node module's in-container
 * steps (over SSH to the node) implement it. Setups run in the order added, under the step
 * {@link ProvisionStep#CONTAINER_SETUP}; one that throws fails the run, which then follows the
 * failure policy (roll back, or keep with {@link ProvisionOptions#keepOnFailure()}) and carries
 * the exception's message (put the log tail there).
 */
@FunctionalInterface
public interface ContainerSetup {

    /**
     * Runs the step.
     *
     * @param context the new container and a way to report progress
     */
    void run(ContainerSetupContext context);
}
