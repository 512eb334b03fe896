/** A third-party scheduler provider: it needs the schedcp API and nothing else. */
module com.example.acme {
    requires io.schedcp.api;

    provides io.schedcp.api.spi.SchedulerProvider with com.example.acme.AcmeProvider;
}
