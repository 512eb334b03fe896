package io.schedcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedcpExceptionTest {

    private static final UnknownName UNKNOWN = new UnknownName(Subject.SCHEDULER, "scx_simpel", List.of("scx_simple"));

    @Test
    void aFailureWithoutDetailHasNone() {
        assertThat(new SchedcpException(Kind.IO, "cannot read /proc/stat").detail())
                .isEmpty();
    }

    @Test
    void aDetailIsKeptBesideTheFactAndComparedByValue() {
        SchedcpException e = new SchedcpException(Kind.NOT_FOUND, "no scheduler is named 'scx_simpel'", UNKNOWN);

        assertThat(e.getMessage()).isEqualTo("no scheduler is named 'scx_simpel'");
        assertThat(e.detail()).contains(new UnknownName(Subject.SCHEDULER, "scx_simpel", List.of("scx_simple")));
    }

    @Test
    void adviceFollowsAOneLineFactAfterASemicolon() {
        SchedcpException e = new SchedcpException(Kind.NOT_FOUND, "no scheduler is named 'scx_simpel'", UNKNOWN);

        assertThat(e.messageWith("run 'x' to see them"))
                .isEqualTo("no scheduler is named 'scx_simpel'; run 'x' to " + "see them");
        assertThat(e.messageWith("")).isEqualTo("no scheduler is named 'scx_simpel'");
    }

    @Test
    void adviceFollowsAFactEndingInProgramOutputOnALineOfItsOwn() {
        SchedcpException e = new SchedcpException(
                Kind.PERMISSION,
                "sudo refused; its last output:\n  sudo: no",
                new ErrorDetail.RootRefused(ErrorDetail.RootRefused.Why.PASSWORD_NEEDED));

        assertThat(e.messageWith("run it as root"))
                .isEqualTo("sudo refused; its last output:\n  sudo: no\n" + "Run it as root.");
    }

    @Test
    void aWrappedFailureKeepsTheKindAndTheDetailUnderItsNewMessage() {
        SchedcpException cause = new SchedcpException(Kind.NOT_FOUND, "no scheduler is named 'scx_simpel'", UNKNOWN);

        SchedcpException wrapped = cause.wrapped("could not compare: " + cause.getMessage());

        assertThat(wrapped.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(wrapped.detail()).contains(UNKNOWN);
        assertThat(wrapped)
                .hasMessage("could not compare: no scheduler is named 'scx_simpel'")
                .hasCause(cause);
    }

    @Test
    void theDetailSurvivesSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new SchedcpException(Kind.NOT_FOUND, "no scheduler is named 'scx_simpel'", UNKNOWN));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((SchedcpException) in.readObject()).detail()).contains(UNKNOWN);
        }
    }

    @Test
    void anUnavailableSchedulerIsRefusedWithItsDetail() {
        Availability.Unavailable unavailable = (Availability.Unavailable) Availability.unavailable(
                "it has not been verified yet",
                new ErrorDetail.CustomNotRunnable("fifo", ErrorDetail.CustomNotRunnable.Why.NOT_VERIFIED));

        SchedcpException refusal = unavailable.refusal("cannot start custom:fifo: " + unavailable.reason());

        assertThat(refusal.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refusal.detail()).isEqualTo(unavailable.detail());
        assertThat(new Availability.Unavailable("no binary").detail()).isEmpty();
    }
}
