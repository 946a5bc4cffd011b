package io.github.proxmoxlxc.core.internal.provision;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Look-up results (node lists, storage lists, template listings) kept for a short time so a bulk run
 * does not repeat identical reads. Concurrent callers of a missing key share one load.
 */
public final class TtlCache {
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong loads = new AtomicLong();

    private static final class Entry {
        private Object value;
        private long loadedAt;
        private boolean loaded;
    }

    /**
     * Creates the cache.
     *
     * @param ttl how long a value is reused; zero disables caching
     * @param nanoTime the clock
     */
    public TtlCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The cached value, or a fresh one from the loader.
     *
     * @param key the key
     * @param loader loads the value (may throw; nothing is cached then)
     * @param <T> the value type
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> loader) {
        if (ttlNanos <= 0) {
            loads.incrementAndGet();
            return loader.get();
        }
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (e) {
            long now = nanoTime.getAsLong();
            if (e.loaded && now - e.loadedAt < ttlNanos) {
                return (T) e.value;
            }
            loads.incrementAndGet();
            T v = loader.get();
            e.value = v;
            e.loadedAt = nanoTime.getAsLong();
            e.loaded = true;
            return v;
        }
    }

    /**
     * Forgets every key starting with a prefix.
     *
     * @param prefix the prefix; empty for all
     */
    public void invalidate(String prefix) {
        entries.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /**
     * How many loads happened (for tests and benchmarks).
     *
     * @return the count
     */
    public long loads() {
        return loads.get();
    }
}
