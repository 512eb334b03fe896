/**
 * The userspace-policy SPI: a {@link io.schedcp.api.policy.SchedulingPolicy} decides, in Java, where and when
 * each runnable task runs; a {@link io.schedcp.api.policy.PolicyProvider} in a plugin jar offers one to the
 * userspace scheduler ({@code schedcp run scx_userspace -- --policy NAME}).
 */
package io.schedcp.api.policy;
