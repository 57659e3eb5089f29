package io.tenantprovisioning.notify;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every configured channel behind one call that never throws: each channel's failure is caught
 * and returned as a {@link NotificationOutcome}, so provisioning can report it but never fails or
 * rolls back because of a notification.
 */
public final class Notifications {

    private final List<Notifier> notifiers;

    public Notifications(List<Notifier> notifiers) {
        this.notifiers = List.copyOf(notifiers);
    }

    /**
     * OFFLINE=true, or neither SMTP_HOST nor SLACK_WEBHOOK_URL set: the log only. Otherwise e-mail
     * and/or Slack. A channel with unusable settings still appears, reporting the problem on every
     * event, rather than failing here.
     */
    public static Notifications fromSettings(Settings settings, Map<ApproverGroup, String> approverAddresses) {
        return fromSettings(settings, approverAddresses, new LogNotifier());
    }

    /** As above, with the log channel written where the caller says (a terminal, a build log). */
    public static Notifications fromSettings(Settings settings, Map<ApproverGroup, String> approverAddresses,
                                             LogNotifier log) {
        if (offline(settings)) {
            return new Notifications(List.of(log));
        }
        List<Notifier> notifiers = new ArrayList<>();
        if (settings.optional(Setting.SMTP_HOST).isPresent()) {
            notifiers.add(guarded("email", settings, () -> new EmailNotifier(SmtpServer.fromSettings(settings).orElseThrow(),
                    settings.optional(Setting.PLATFORM_TEAM_EMAIL).orElse(null), approverAddresses)));
        }
        if (settings.secret(Setting.SLACK_WEBHOOK_URL).isPresent()) {
            notifiers.add(guarded("slack", settings, () -> new SlackNotifier(
                    settings.requiredSecret(Setting.SLACK_WEBHOOK_URL), RetryPolicy.DEFAULT)));
        }
        if (notifiers.isEmpty()) {
            notifiers.add(log);
        }
        return new Notifications(notifiers);
    }

    private static boolean offline(Settings settings) {
        try {
            return settings.bool(Setting.OFFLINE);
        } catch (RuntimeException e) {
            return true; // an unreadable OFFLINE is safest read as "do not contact anyone"
        }
    }

    private static Notifier guarded(String channel, Settings settings, Supplier<Notifier> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            // our messages name the setting, not its value; redacting anyway guards against a library's
            Redactor redactor = new Redactor(Stream.of(Setting.SMTP_PASSWORD, Setting.SLACK_WEBHOOK_URL)
                    .map(settings::secret).flatMap(Optional::stream).map(Secret::reveal).toList());
            return new MisconfiguredNotifier(channel, redactor.describe(e));
        }
    }

    /** Sends the event on every channel; never throws. One outcome per channel, in channel order. */
    public List<NotificationOutcome> publish(NotificationEvent event) {
        List<NotificationOutcome> outcomes = new ArrayList<>();
        for (Notifier notifier : notifiers) {
            outcomes.add(sendGuarded(notifier, event));
        }
        return List.copyOf(outcomes);
    }

    private static NotificationOutcome sendGuarded(Notifier notifier, NotificationEvent event) {
        String channel = channelOf(notifier);
        try {
            NotificationOutcome outcome = notifier.send(event);
            return outcome != null ? outcome
                    : NotificationOutcome.failed(channel, event, 0, "the channel reported no outcome");
        } catch (RuntimeException | LinkageError e) {
            // a third-party message is not trusted to be secret-free: the class says enough
            return NotificationOutcome.failed(channel, event, 0, "the channel failed: " + e.getClass().getName());
        }
    }

    private static String channelOf(Notifier notifier) {
        try {
            return notifier.channel();
        } catch (RuntimeException e) {
            return notifier.getClass().getSimpleName();
        }
    }

    public List<String> channels() {
        return notifiers.stream().map(Notifications::channelOf).toList();
    }
}
