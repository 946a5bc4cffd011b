/**
 * Layered configuration compatible with the community {@code build.func} scripts.
 *
 * <p>{@link io.github.proxmoxlxc.core.config.ConfigResolver} merges, lowest precedence first:
 * built-in defaults ({@code builtin}), the global {@code default.vars} ({@code defaults}), an app
 * profile ({@code app-profile}), the app's saved {@code <app>.vars} ({@code app-vars}), environment
 * {@code var_*} values ({@code env}) and explicit values ({@code explicit}). Every resolved value
 * keeps its {@link io.github.proxmoxlxc.core.config.Provenance}. {@link
 * io.github.proxmoxlxc.core.config.VarsFile} reads the {@code .vars} format exactly as
 * {@code build.func} does, without ever executing or interpolating a value, and {@link
 * io.github.proxmoxlxc.core.config.AppDefaults} writes it back.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.core.config;

import org.jspecify.annotations.NullMarked;
