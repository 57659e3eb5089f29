package io.tenantprovisioning.notify;

/**
 * Stands in for a channel whose settings are unusable, so the problem shows up in every outcome
 * instead of failing whoever builds the notifications.
 */
final class MisconfiguredNotifier implements Notifier {

    private final String channel;
    private final String problem;

    MisconfiguredNotifier(String channel, String problem) {
        this.channel = channel;
        this.problem = problem;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public NotificationOutcome send(NotificationEvent event) {
        return NotificationOutcome.failed(channel, event, 0, "channel not usable: " + problem);
    }

    @Override
    public String toString() {
        return "MisconfiguredNotifier[" + channel + "]";
    }
}
