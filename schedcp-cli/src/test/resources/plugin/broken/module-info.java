/** A plugin whose provider cannot be created: schedcp must skip it with a warning and go on. */
module com.example.broken {
    requires io.schedcp.api;

    provides io.schedcp.api.spi.SchedulerProvider with com.example.broken.BrokenProvider;
}
