package io.schedcp.api;

/** The rule that ties a scheduler's declared ops name to what the kernel reports in {@code root/ops}. */
public final class OpsNames {

    private OpsNames() {}

    /**
     * True when {@code reported} is {@code declared}, or {@code declared} followed by a suffix that starts
     * with a character that cannot be part of an identifier or with an underscore and a digit: some
     * schedulers append a version or instance to their ops name (for example {@code lavd_1.0.6}).
     */
    public static boolean matches(String declared, String reported) {
        if (declared == null || reported == null) {
            return false;
        }
        String r = reported.strip();
        if (r.equals(declared)) {
            return true;
        }
        if (declared.isEmpty() || !r.startsWith(declared)) {
            return false;
        }
        char next = r.charAt(declared.length());
        if (next == '_') {
            return r.length() > declared.length() + 1 && Character.isDigit(r.charAt(declared.length() + 1));
        }
        return !Character.isLetterOrDigit(next);
    }
}
