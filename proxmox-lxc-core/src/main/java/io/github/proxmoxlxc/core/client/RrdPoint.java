package io.github.proxmoxlxc.core.client;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One point of a container's {@code rrddata} series. A value is empty where the RRD has no data
 * (the container did not exist or the node was down).
 */
public final class RrdPoint {
    private final Instant time;
    private final Double cpu;
    private final Double maxCpu;
    private final Double mem;
    private final Double maxMem;
    private final Double disk;
    private final Double maxDisk;
    private final Double netIn;
    private final Double netOut;

    RrdPoint(Instant time, Double cpu, Double maxCpu, Double mem, Double maxMem, Double disk, Double maxDisk,
            Double netIn, Double netOut) {
        this.time = Objects.requireNonNull(time, "time");
        this.cpu = cpu;
        this.maxCpu = maxCpu;
        this.mem = mem;
        this.maxMem = maxMem;
        this.disk = disk;
        this.maxDisk = maxDisk;
        this.netIn = netIn;
        this.netOut = netOut;
    }

    private static OptionalDouble opt(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /**
     * The end of the interval this point consolidates.
     *
     * @return the time
     */
    public Instant time() {
        return time;
    }

    /**
     * CPU use as a fraction of the container's CPU limit (0..1).
     *
     * @return the CPU use
     */
    public OptionalDouble cpu() {
        return opt(cpu);
    }

    /**
     * The CPU limit (cores).
     *
     * @return the limit
     */
    public OptionalDouble maxCpu() {
        return opt(maxCpu);
    }

    /**
     * Memory used, bytes.
     *
     * @return the memory use
     */
    public OptionalDouble memory() {
        return opt(mem);
    }

    /**
     * Memory limit, bytes.
     *
     * @return the limit
     */
    public OptionalDouble maxMemory() {
        return opt(maxMem);
    }

    /**
     * Root disk used, bytes.
     *
     * @return the disk use
     */
    public OptionalDouble disk() {
        return opt(disk);
    }

    /**
     * Root disk size, bytes.
     *
     * @return the size
     */
    public OptionalDouble maxDisk() {
        return opt(maxDisk);
    }

    /**
     * Network receive rate, bytes per second.
     *
     * @return the rate
     */
    public OptionalDouble netIn() {
        return opt(netIn);
    }

    /**
     * Network send rate, bytes per second.
     *
     * @return the rate
     */
    public OptionalDouble netOut() {
        return opt(netOut);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RrdPoint p && p.time.equals(time) && Objects.equals(p.cpu, cpu)
                && Objects.equals(p.maxCpu, maxCpu) && Objects.equals(p.mem, mem) && Objects.equals(p.maxMem, maxMem)
                && Objects.equals(p.disk, disk) && Objects.equals(p.maxDisk, maxDisk) && Objects.equals(p.netIn, netIn)
                && Objects.equals(p.netOut, netOut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, cpu, maxCpu, mem, maxMem, disk, maxDisk, netIn, netOut);
    }

    @Override
    public String toString() {
        return "RrdPoint[" + time + ", cpu=" + cpu + ", mem=" + mem + "]";
    }
}
