package io.github.proxmoxlxc.testkit.internal.http;

import io.github.proxmoxlxc.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** Fault rules per endpoint ({@code "METHOD /template"} or {@code "*"}) plus a seeded random mode. */
public final class FaultEngine {

    private static final class Rule {
        final String endpoint;
        final Fault fault;
        int remaining;

        Rule(String endpoint, Fault fault, int remaining) {
            this.endpoint = endpoint;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private Random random;
    private double probability;
    /** Whether any rule or random mode is set; read without the lock so the common case takes none. */
    private volatile boolean armed;

    /** Adds a rule; {@code times} &lt;= 0 means every matching request until cleared. */
    public synchronized void add(String endpoint, int times, Fault fault) {
        rules.add(new Rule(endpoint, fault, times <= 0 ? -1 : times));
        armed = true;
    }

    /** Removes all rules and stops random faults. */
    public synchronized void clear() {
        rules.clear();
        random = null;
        armed = false;
    }

    /** Starts random faults: each request gets one with this probability, drawn from {@code seed}. */
    public synchronized void random(long seed, double probability) {
        this.random = new Random(seed);
        this.probability = probability;
        armed = true;
    }

    /** The fault for this request (consuming one use of a rule), or null. */
    Fault next(String endpointKey) {
        return armed ? nextArmed(endpointKey) : null;
    }

    private synchronized Fault nextArmed(String endpointKey) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule r = it.next();
            if (r.endpoint.equals("*") || r.endpoint.equals(endpointKey)) {
                if (r.remaining > 0 && --r.remaining == 0) {
                    it.remove();
                    armed = !rules.isEmpty() || random != null;
                }
                return r.fault;
            }
        }
        if (random != null && random.nextDouble() < probability) {
            switch (random.nextInt(5)) {
                case 0: return Fault.connectionReset();
                case 1: return Fault.proxyTimeout();
                case 2: return Fault.proxyConnectFailed();
                case 3: return Fault.delay(Duration.ofMillis(1 + random.nextInt(50)));
                default: return Fault.lockHeld();
            }
        }
        return null;
    }
}
