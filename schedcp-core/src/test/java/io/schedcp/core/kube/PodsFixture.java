package io.schedcp.core.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code pods.json}: the shape of {@code kubectl get pods -A -o json} (trimmed), with a Deployment's two pods
 * on nodes a and b, a StatefulSet's pod, etcd's mirror pod and a finished Job's pod.
 */
final class PodsFixture {

    static final String WEB_A_UID = "1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f";
    static final String WEB_B_UID = "7e0c4b1a-5d3f-4e2a-8b6c-9f1e2d3c4b5a";
    static final String DB_UID = "c3a1e5f7-0b2d-4f6a-8c9e-1a2b3c4d5e6f";
    static final String ETCD_MIRROR_UID = "e2d4f6a8-1c3b-4d5e-9f70-8a9b0c1d2e3f";
    static final String ETCD_STATIC_UID = "89f4f2cb511c3b0b7e5272cff5ec37bf";

    private PodsFixture() {}

    static String json() {
        try (InputStream in = PodsFixture.class.getResourceAsStream("pods.json")) {
            if (in == null) {
                throw new IllegalStateException("pods.json is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pods.json copied into {@code dir}. */
    static Path file(Path dir) {
        try {
            return Files.writeString(dir.resolve("pods.json"), json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
