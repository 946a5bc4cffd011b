/**
 * The immutable container spec, its typed property-string values, validation and rendering.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.core.spec;

import org.jspecify.annotations.NullMarked;
