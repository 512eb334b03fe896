package io.schedcp.core.workload;

import static io.schedcp.core.workload.WorkloadTag.BATCH;
import static io.schedcp.core.workload.WorkloadTag.BUILD;
import static io.schedcp.core.workload.WorkloadTag.CONTAINER;
import static io.schedcp.core.workload.WorkloadTag.INTERACTIVE;
import static io.schedcp.core.workload.WorkloadTag.LATENCY_SENSITIVE;
import static io.schedcp.core.workload.WorkloadTag.POWER_SAVING;
import static io.schedcp.core.workload.WorkloadTag.REALTIME;
import static io.schedcp.core.workload.WorkloadTag.SERVER;
import static io.schedcp.core.workload.WorkloadTag.THROUGHPUT;
import static io.schedcp.core.workload.WorkloadTag.VIRTUALIZATION;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives {@link WorkloadTag}s from free text with keyword rules: a workload's description, or a scheduler's
 * description and use cases, so that the two can be compared with the same words. A rule fires when its words
 * appear anywhere in the text as whole words, case-insensitively; the tags are the union of the rules that
 * fire. Keywords do not understand negation: "not latency-sensitive" is tagged latency-sensitive.
 *
 * <p>The standard rules (docs/cli.md lists them for users too):
 * <pre>
 * compiling         compile, build, make -j, gcc, clang, cargo, bazel ... -> build, batch
 * web server        web server, nginx, apache, http, api server, rpc ...  -> server, latency-sensitive
 * database          database, postgres, mysql, mariadb, redis, oltp ...   -> server, latency-sensitive
 * server            server, service                                       -> server
 * game              game, gaming, fps, frame rate, steam                  -> interactive, latency-sensitive
 * streaming         live streaming, video call, video conferencing, voip  -> interactive, latency-sensitive
 * audio, real time  audio, real-time, realtime, pipewire                  -> latency-sensitive, realtime
 * desktop           desktop, browser, browsing, firefox, chrome, gui      -> interactive
 * interactive       interactive, responsive, snappy                       -> interactive
 * latency           low latency, latency-sensitive, tail latency, p99 ... -> latency-sensitive
 * heavy compute     video encoding, transcoding, rendering, ml training,
 *                   machine learning, hpc, scientific computing, simulation -> throughput, batch
 * throughput        throughput                                            -> throughput
 * batch             batch, background jobs, offline, overnight, cron      -> batch
 * container         container, docker, podman, kubernetes, k8s            -> container
 * power             battery, laptop, handheld, power saving, energy       -> power-saving
 * virtualization    virtual machine, vm, kvm, qemu, hypervisor, vmexit    -> virtualization
 * </pre>
 */
public final class Tagger {

    private static final Tagger STANDARD = new Tagger(List.of(
            TagRule.of(
                    "compiling",
                    "compil(?:e|es|ed|ing|ation|er|ers)|builds?|kernel builds?|make\\s+-j\\d*"
                            + "|gcc|clang|cargo|bazel",
                    BUILD,
                    BATCH),
            TagRule.of(
                    "web server",
                    "web ?serv(?:er|ers|ing)|nginx|apache|httpd?|https|api servers?" + "|microservices?|g?rpc",
                    SERVER,
                    LATENCY_SENSITIVE),
            TagRule.of(
                    "database",
                    "databases?|postgres(?:ql)?|mysql|mariadb|redis|memcached|mongodb|oltp",
                    SERVER,
                    LATENCY_SENSITIVE),
            TagRule.of("server", "servers?|services?", SERVER),
            TagRule.of("game", "games?|gaming|gamers?|fps|frame ?rates?|steam", INTERACTIVE, LATENCY_SENSITIVE),
            TagRule.of(
                    "streaming",
                    "live[- ]?stream(?:s|ing)?|video ?(?:calls?|conferenc(?:e|es|ing))|voip",
                    INTERACTIVE,
                    LATENCY_SENSITIVE),
            TagRule.of("audio, real time", "audio|real[- ]?time|pipewire", LATENCY_SENSITIVE, REALTIME),
            TagRule.of("desktop", "desktops?|browsers?|browsing|firefox|chrom(?:e|ium)|gui", INTERACTIVE),
            TagRule.of("interactive", "interactive|interactivity|responsive(?:ness)?|snappy", INTERACTIVE),
            TagRule.of(
                    "latency",
                    "low[- ]latency|latency[- ](?:sensitive|critical)|tail latency|predictable latency"
                            + "|p99\\d*|jitter|response times?",
                    LATENCY_SENSITIVE),
            TagRule.of(
                    "heavy compute",
                    "video encod(?:e|es|ing)|encod(?:e|es|ing)|transcod(?:e|es|ing)"
                            + "|render(?:s|ing)?|ml training|model training|machine learning|deep learning|hpc"
                            + "|high[- ]performance computing|scientific computing|simulations?",
                    THROUGHPUT,
                    BATCH),
            TagRule.of("throughput", "throughput", THROUGHPUT),
            TagRule.of("batch", "batch(?:es)?|background (?:jobs?|work|tasks?|load)|offline|overnight|cron", BATCH),
            TagRule.of("container", "containers?|containeri[sz]ed|docker|podman|kubernetes|k8s", CONTAINER),
            TagRule.of("power", "batter(?:y|ies)|laptops?|handhelds?|power[- ]saving|energy", POWER_SAVING),
            TagRule.of(
                    "virtualization",
                    "virtual machines?|vms?|kvm|qemu|hypervisors?|vmexits?" + "|virtuali[sz]ation",
                    VIRTUALIZATION)));

    private final List<TagRule> rules;

    public Tagger(List<TagRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules above. */
    public static Tagger standard() {
        return STANDARD;
    }

    public List<TagRule> rules() {
        return rules;
    }

    /** The tags of {@code text}, in the vocabulary's order; none for text no rule recognises. */
    public Set<WorkloadTag> tags(String text) {
        return reasons(text).keySet();
    }

    /** The tags of all of {@code texts} together, such as a scheduler's description and its use cases. */
    public Set<WorkloadTag> tags(List<String> texts) {
        return tags(String.join("\n", texts));
    }

    /** Each tag of {@code text} with the words that gave it, for explaining a tag to a person. */
    public Map<WorkloadTag, List<String>> reasons(String text) {
        Map<WorkloadTag, List<String>> reasons = new EnumMap<>(WorkloadTag.class);
        for (TagRule rule : rules) {
            Optional<String> words = rule.match(text);
            if (words.isPresent()) {
                for (WorkloadTag tag : rule.tags()) {
                    List<String> found = reasons.computeIfAbsent(tag, t -> new ArrayList<>());
                    if (!found.contains(words.get())) {
                        found.add(words.get());
                    }
                }
            }
        }
        reasons.replaceAll((tag, words) -> List.copyOf(words));
        return Collections.unmodifiableMap(reasons);
    }
}
