/**
 * Strategies in the manner of Gthulhu: priority and slices for the tasks a pid, a command regex or a cgroup
 * subtree matches, kept in a {@link io.schedcp.userspace.strategy.StrategyBook} that can change while the
 * {@link io.schedcp.userspace.strategy.StrategiesPolicy} runs, and read or written as JSON.
 */
package io.schedcp.userspace.strategy;
