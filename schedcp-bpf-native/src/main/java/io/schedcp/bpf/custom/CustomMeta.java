package io.schedcp.bpf.custom;

import java.util.Objects;

/**
 * The metadata file of a custom scheduler ({@code meta.json}): the descriptor fields, what was compiled from
 * what, and the last verification.
 *
 * @param schema        the file format's version
 * @param opsMap        the struct_ops map the loader attaches
 * @param sourceFile    where the source came from, for people
 * @param sourceSha256  the digest of the stored source
 * @param kernel        the kernel whose vmlinux.h it was compiled against
 * @param compileMillis how long clang took
 * @param verification  the last verification, or null before the first
 */
public record CustomMeta(
        int schema,
        String name,
        String opsName,
        String opsMap,
        DescriptorFields fields,
        String created,
        String sourceFile,
        String sourceSha256,
        String kernel,
        long compileMillis,
        VerificationResult verification) {

    public static final int SCHEMA = 1;

    public CustomMeta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opsName, "opsName");
        Objects.requireNonNull(opsMap, "opsMap");
        fields = Objects.requireNonNullElse(fields, DescriptorFields.NONE);
    }

    public CustomMeta withVerification(VerificationResult result) {
        return new CustomMeta(
                schema,
                name,
                opsName,
                opsMap,
                fields,
                created,
                sourceFile,
                sourceSha256,
                kernel,
                compileMillis,
                result);
    }

    /** Whether the last verification passed. */
    public boolean verified() {
        return verification != null && verification.passed();
    }
}
