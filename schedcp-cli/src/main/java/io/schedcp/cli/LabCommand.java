package io.schedcp.cli;

import picocli.CommandLine.Command;

/** {@code schedcp lab}: the kernel lab, a sched_ext kernel under QEMU for hosts without one. */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        description = {
            "Try schedulers in the kernel lab, a sched_ext kernel under QEMU.",
            "The lab is a Debian kernel with sched_ext booted under QEMU (software emulation), with this",
            "host's files shared read-only, to try schedulers on a host whose kernel lacks sched_ext.",
            "Set it up once with bpf/setup.sh; see docs/lab.md."
        },
        subcommands = {LabStatusCommand.class, LabRunCommand.class})
final class LabCommand {}
