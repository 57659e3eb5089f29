package io.tenantprovisioning.notify;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OFFLINE=true or nothing configured: one log line per event. */
public final class LogNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

    private final Consumer<String> sink;

    /** Writes to the {@code io.tenantprovisioning.notify.LogNotifier} logger at INFO. */
    public LogNotifier() {
        this(LOG::info);
    }

    /** Writes each line to the given sink (a terminal, a build log, a test's list). */
    public LogNotifier(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public String channel() {
        return "log";
    }

    @Override
    public NotificationOutcome send(NotificationEvent event) {
        sink.accept("notification " + event.kind() + " [" + event.audience().name().toLowerCase(java.util.Locale.ROOT)
                + "] " + event.compact());
        return NotificationOutcome.delivered(channel(), event, 1);
    }
}
