package io.schedcp.api.policy;

/**
 * A source of one {@link SchedulingPolicy}, found with {@link java.util.ServiceLoader} like a scheduler
 * provider: declare {@code provides io.schedcp.api.policy.PolicyProvider with ...} in module-info and list the
 * class in {@code META-INF/services/io.schedcp.api.policy.PolicyProvider}, and put the jar in the plugin
 * directory. The userspace scheduler runs it with {@code --policy NAME}.
 */
public interface PolicyProvider {

    /** A short lower-case name, unique among policies, such as {@code fair}. */
    String name();

    /** One line that says what the policy does, for {@code schedcp policy list-policies}. */
    String description();

    /**
     * A new policy for one run of the scheduler.
     *
     * @throws IllegalArgumentException when an option is unknown or invalid, with a message that names it
     */
    SchedulingPolicy create(PolicyContext context);
}
