package io.github.proxmoxlxc.core.client;

import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.Paths;
import java.util.Map;

/**
 * One node ({@code /nodes/{node}}): its status, containers, storages and appliance templates.
 * Obtained from {@link ProxmoxClient#node(String)}. Container calls must address the node that
 * owns the container (see {@link Cluster#resources(String)}).
 */
public final class Node {
    private final ApiExecutor api;
    private final String name;
    private final String path;

    Node(ApiExecutor api, String name) {
        this.api = api;
        this.name = Paths.node(name);
        this.path = "/nodes/" + Paths.seg(name);
    }

    /**
     * The node name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The node's status ({@code GET /nodes/{node}/status}).
     *
     * @return CPU, memory, uptime and versions
     */
    public NodeStatus status() {
        return Wire.nodeStatus(api.data(HttpMethod.GET, path + "/status", Map.of()));
    }

    /**
     * The node's containers: list and create.
     *
     * @return the containers resource
     */
    public Containers containers() {
        return new Containers(api, name, path);
    }

    /**
     * One container on this node.
     *
     * @param vmid the container id, 100..999999999
     * @return the container resource (no request is made)
     */
    public Container container(int vmid) {
        return new Container(api, name, path, Paths.vmid(vmid));
    }

    /**
     * The node's storages and their content.
     *
     * @return the storage resource
     */
    public Storages storage() {
        return new Storages(api, path);
    }

    /**
     * Backups of this node's containers: vzdump, list, remove, prune, restore. Making it sends nothing.
     *
     * @return the backups resource
     */
    public Backups backups() {
        return new Backups(api, name, path);
    }

    /**
     * The appliance (template) index and template downloads.
     *
     * @return the appliances resource
     */
    public Appliances appliances() {
        return new Appliances(api, path);
    }

    @Override
    public String toString() {
        return "Node[" + name + "]";
    }
}
