package io.github.proxmoxlxc.core.spec;

import io.github.proxmoxlxc.core.internal.spec.Formats;
import io.github.proxmoxlxc.core.internal.spec.StartupCodec;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Start and shutdown ordering: the value of the {@code startup} parameter
 * ({@code order=1,up=30,down=60}). Shutdown runs in reverse order; {@code up}/{@code down} are
 * delays in seconds before the next guest is started or stopped.
 *
 * <pre>{@code
 * Startup s = Startup.builder().order(2).up(30).build();
 * s.encode();   // "order=2,up=30"
 * }</pre>
 */
public final class Startup {
    private final Integer order;
    private final Integer up;
    private final Integer down;

    private Startup(Builder b) {
        this.order = b.order;
        this.up = b.up;
        this.down = b.down;
    }

    /**
     * Starts a new value.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes a {@code startup} value ({@code [[order=]N][,up=N][,down=N]}).
     *
     * @param value the string
     * @return the value
     * @throws InvalidSpecException naming {@code startup} on any error
     */
    public static Startup parse(String value) {
        return StartupCodec.parse("startup", value);
    }

    /**
     * Encodes as {@code order=N,up=N,down=N} with only the set parts.
     *
     * @return the string
     * @throws InvalidSpecException if nothing is set or a value is negative
     */
    public String encode() {
        return StartupCodec.encode("startup", this);
    }

    /**
     * A builder holding these values.
     *
     * @return a builder to derive a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.order = order;
        b.up = up;
        b.down = down;
        return b;
    }

    /**
     * The start order (0 or more; lower starts first).
     *
     * @return the order, if set
     */
    public OptionalInt order() {
        return order == null ? OptionalInt.empty() : OptionalInt.of(order);
    }

    /**
     * Seconds to wait after starting before the next guest starts.
     *
     * @return the delay, if set
     */
    public OptionalInt up() {
        return up == null ? OptionalInt.empty() : OptionalInt.of(up);
    }

    /**
     * Seconds to wait after stopping before the next guest stops.
     *
     * @return the delay, if set
     */
    public OptionalInt down() {
        return down == null ? OptionalInt.empty() : OptionalInt.of(down);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Startup)) {
            return false;
        }
        Startup s = (Startup) o;
        return Objects.equals(order, s.order) && Objects.equals(up, s.up) && Objects.equals(down, s.down);
    }

    @Override
    public int hashCode() {
        return Objects.hash(order, up, down);
    }

    @Override
    public String toString() {
        return "Startup[" + Formats.printable(StartupCodec.printUnchecked(this)) + "]";
    }

    /** Builds a {@link Startup}. */
    public static final class Builder {
        private Integer order;
        private Integer up;
        private Integer down;

        private Builder() {
        }

        /**
         * Sets the start order.
         *
         * @param order 0 or more
         * @return this builder
         */
        public Builder order(int order) {
            this.order = order;
            return this;
        }

        /**
         * Sets the delay after start.
         *
         * @param seconds 0 or more
         * @return this builder
         */
        public Builder up(int seconds) {
            this.up = seconds;
            return this;
        }

        /**
         * Sets the delay after stop.
         *
         * @param seconds 0 or more
         * @return this builder
         */
        public Builder down(int seconds) {
            this.down = seconds;
            return this;
        }

        /**
         * Builds the value; it is checked by {@link Startup#encode()} and by
         * {@link ContainerSpec.Builder#build()}.
         *
         * @return the value
         */
        public Startup build() {
            return new Startup(this);
        }
    }
}
