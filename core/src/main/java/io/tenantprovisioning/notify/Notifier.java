package io.tenantprovisioning.notify;

/**
 * One notification channel. {@link #send} reports failure through its outcome rather than throwing;
 * {@link Notifications} still guards every call, so a broken channel never breaks provisioning.
 */
public interface Notifier {

    /** "email", "slack", "log". */
    String channel();

    NotificationOutcome send(NotificationEvent event);
}
