package io.tenantprovisioning.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.request.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    private final List<String> logLines = new ArrayList<>();
    private final LogNotifier log = new LogNotifier(logLines::add);

    @Test
    void nothingConfiguredMeansOneLogLinePerEvent() {
        Notifications notifications = Notifications.fromSettings(Settings.of(Map.of()), Map.of(), log);

        List<NotificationOutcome> outcomes = notifications.publish(SampleEvents.activated());
        notifications.publish(SampleEvents.platformEvents().get(3));

        assertThat(notifications.channels()).containsExactly("log");
        assertThat(outcomes).containsExactly(new NotificationOutcome("log", "tenant-activated", true, 1, null));
        assertThat(logLines).containsExactly(
                "notification tenant-activated [owner] acme-corp is active (Gold, 1,000 qpm, 50,000 docs/month)",
                "notification tenant-degraded [platform_team] acme-corp DEGRADED: cross-tenant-isolation; jwt-auth");
    }

    @Test
    void offlineWinsOverConfiguredChannels() {
        Settings settings = Settings.of(Map.of(Setting.OFFLINE, "true", Setting.SMTP_HOST, "127.0.0.1",
                Setting.SLACK_WEBHOOK_URL, "https://hooks.example/services/secret"));

        Notifications notifications = Notifications.fromSettings(settings, Map.of(), log);

        assertThat(notifications.channels()).containsExactly("log");
    }

    @Test
    void aChannelThatThrowsBecomesAFailedOutcomeAndTheOthersStillRun() {
        Notifier exploding = new Notifier() {
            @Override
            public String channel() {
                return "pager";
            }

            @Override
            public NotificationOutcome send(NotificationEvent event) {
                throw new IllegalStateException("token=hunter2 rejected");
            }
        };
        Notifier silent = new Notifier() {
            @Override
            public String channel() {
                return "void";
            }

            @Override
            public NotificationOutcome send(NotificationEvent event) {
                return null;
            }
        };
        Notifications notifications = new Notifications(List.of(exploding, silent, log));

        List<NotificationOutcome> outcomes = notifications.publish(SampleEvents.platformEvents().get(0));

        assertThat(outcomes).containsExactly(
                new NotificationOutcome("pager", "provisioning-failed", false, 0,
                        "the channel failed: java.lang.IllegalStateException"),
                new NotificationOutcome("void", "provisioning-failed", false, 0, "the channel reported no outcome"),
                new NotificationOutcome("log", "provisioning-failed", true, 1, null));
        assertThat(outcomes.toString()).doesNotContain("hunter2");
        assertThat(logLines).hasSize(1);
    }

    @Test
    void aBadWebhookUrlIsReportedOnEveryEventWithoutShowingIt() {
        Settings settings = Settings.of(Map.of(Setting.SLACK_WEBHOOK_URL, "hooks.example/services/T1/B2/s3cr3t"));

        Notifications notifications = Notifications.fromSettings(settings, Map.of(ApproverGroup.CFO, "cfo@example.com"));
        NotificationOutcome outcome = notifications.publish(SampleEvents.activated()).get(0);

        assertThat(outcome.channel()).isEqualTo("slack");
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("channel not usable: IllegalArgumentException: "
                + "SLACK_WEBHOOK_URL is not an http(s) URL with a host");
        assertThat(outcome.describe()).doesNotContain("s3cr3t");
    }

    @Test
    void anActivationNoticeRefusesEndpointsThatCarryCredentials() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NotificationEvent.TenantActivated("acme-corp",
                        new EmailAddress("owner@acme.example"), "Gold", 1, 1,
                        Map.of("db", "postgresql://t_acme:pw-123@db.example/tenant_data"), "ask"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint 'db' has credentials in its URL; notifications never carry credentials");
    }

    @Test
    void everyEventKindHasSubjectBodyAndCompactText() {
        List<NotificationEvent> all = new ArrayList<>(SampleEvents.platformEvents());
        all.add(SampleEvents.activated());
        all.add(SampleEvents.approval(ApproverGroup.LEGAL));
        assertThat(all).extracting(NotificationEvent::kind).containsExactly("provisioning-failed", "rolled-back",
                "rollback-incomplete", "tenant-degraded", "tenant-recovered", "tenant-activated", "approval-needed");
        assertThat(all).allSatisfy(e -> {
            assertThat(e.subject()).startsWith("[tenantctl] ").contains("acme-corp");
            assertThat(e.body()).isNotEmpty();
            assertThat(e.compact()).contains("acme-corp").doesNotContain("\n");
        });
    }
}
