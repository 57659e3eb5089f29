package io.tenantprovisioning.notify;

/**
 * What happened to one event on one channel. Provisioning records and reports these; a failed
 * notification never fails or rolls back a tenant.
 *
 * @param attempts how many delivery attempts were made (0 when nothing could be tried)
 * @param error    why it was not delivered (never a secret); null when delivered
 */
public record NotificationOutcome(String channel, String event, boolean delivered, int attempts, String error) {

    public static NotificationOutcome delivered(String channel, NotificationEvent event, int attempts) {
        return new NotificationOutcome(channel, event.kind(), true, attempts, null);
    }

    public static NotificationOutcome failed(String channel, NotificationEvent event, int attempts, String error) {
        return new NotificationOutcome(channel, event.kind(), false, attempts, error);
    }

    /** "slack tenant-activated: delivered" / "email rolled-back: NOT delivered (reason)". */
    public String describe() {
        return channel + " " + event + ": " + (delivered ? "delivered" : "NOT delivered (" + error + ")");
    }
}
