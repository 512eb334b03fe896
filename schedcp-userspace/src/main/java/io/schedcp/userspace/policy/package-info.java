/**
 * The built-in userspace policies ({@code fair}, {@code fifo}; {@code strategies} is in the strategy package) and
 * the {@link io.schedcp.userspace.policy.PolicyRegistry} that offers them with the policies of plugins.
 */
package io.schedcp.userspace.policy;
