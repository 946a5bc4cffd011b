/**
 * The community-scripts app catalogue: what each app of
 * <a href="https://github.com/community-scripts/ProxmoxVE">community-scripts/ProxmoxVE</a> needs
 * (resources, OS, privileges, tags), where its scripts are, and how to reach it afterwards.
 *
 * <p>{@link io.github.proxmoxlxc.core.apps.AppCatalogue#bundled()} is the catalogue shipped in
 * this artifact (MIT-licensed facts, see {@code META-INF/NOTICE}); an
 * {@link io.github.proxmoxlxc.core.apps.App} feeds the {@code app-profile} layer of
 * {@link io.github.proxmoxlxc.core.config.ConfigResolver}, and
 * {@link io.github.proxmoxlxc.core.apps.AppInstall} describes the install step (script location,
 * environment, access details) for the node channel that runs it.
 *
 * <p>Null-marked (JSpecify {@code @NullMarked}): no parameter, return value or element is null
 * unless its type says {@code @Nullable}; absent values are {@code Optional}, {@code OptionalInt}
 * or empty collections.
 */
@NullMarked
package io.github.proxmoxlxc.core.apps;

import org.jspecify.annotations.NullMarked;
