package io.github.proxmoxlxc.core.client;

/**
 * The object to create exists already, e.g. `CT 100 already exists on node 'pve1'` (500) or `{"vmid":"VM 100 already exists"}` (400 from nextid). A provisioner picks another VMID.
 */
public class AlreadyExistsException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from the response detail.
     *
     * @param error what the server said
     */
    public AlreadyExistsException(ApiError error) {
        super(error);
    }
}
