package io.tenantprovisioning.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.testing.ForeignContextLoader;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail against a real SMTP server in-process (GreenMail, on a free port: the machine is shared). */
class EmailNotifierTest {

    private static final String SMTP_PASSWORD = "smtp-Pa55-never-in-mail";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tenantctl@example.com", "mailer",
                    SMTP_PASSWORD));

    private Map<Setting, String> smtpSettings() {
        Map<Setting, String> values = new HashMap<>();
        values.put(Setting.SMTP_HOST, "127.0.0.1");
        values.put(Setting.SMTP_PORT, Integer.toString(greenMail.getSmtp().getPort()));
        values.put(Setting.SMTP_USER, "mailer");
        values.put(Setting.SMTP_PASSWORD, SMTP_PASSWORD);
        values.put(Setting.SMTP_FROM, "tenantctl@example.com");
        values.put(Setting.PLATFORM_TEAM_EMAIL, "platform@example.com");
        return values;
    }

    private Notifications notifications(Map<Setting, String> values) {
        return Notifications.fromSettings(Settings.of(values), Map.of(ApproverGroup.CFO, "cfo@example.com"));
    }

    private MimeMessage onlyMessage() {
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    @Test
    void activationGoesToTheOwnerWithLimitsEndpointsAndTokenHowToButNoPassword() throws Exception {
        Notifications notifications = notifications(smtpSettings());
        assertThat(notifications.channels()).containsExactly("email");

        List<NotificationOutcome> outcomes = notifications.publish(SampleEvents.activated());

        assertThat(outcomes).containsExactly(new NotificationOutcome("email", "tenant-activated", true, 1, null));
        MimeMessage mail = onlyMessage();
        assertThat(recipients(mail)).containsExactly("owner@acme.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("tenantctl@example.com");
        assertThat(mail.getSubject()).isEqualTo("[tenantctl] Tenant acme-corp is active (Gold)");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Your tenant acme-corp is active.", "Tier: Gold",
                "Limits: 1,000 queries/minute, 50,000 documents/month",
                "  metrics: http://127.0.0.1:9091/targets", "  query: https://rag.example/tenants/acme-corp/query",
                "Getting a token: run 'tenantctl token acme-corp --ttl 1h' or ask the platform team");
        assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain(SMTP_PASSWORD);
    }

    /** Jakarta Mail finds its SMTP provider by SPI: a host's foreign context loader must not hide it. */
    @Test
    void mailIsDeliveredFromAThreadWhoseContextLoaderCannotSeeJakartaMail() throws Exception {
        Notifications notifications = notifications(smtpSettings());

        List<NotificationOutcome> outcomes = ForeignContextLoader.call(
                () -> notifications.publish(SampleEvents.activated()));

        assertThat(outcomes).containsExactly(new NotificationOutcome("email", "tenant-activated", true, 1, null));
        assertThat(onlyMessage().getSubject()).isEqualTo("[tenantctl] Tenant acme-corp is active (Gold)");
    }

    @Test
    void approvalGoesToTheGroupsAddressWithReasonAndCost() throws Exception {
        List<NotificationOutcome> outcomes = notifications(smtpSettings()).publish(SampleEvents.approval(ApproverGroup.CFO));

        assertThat(outcomes.get(0).delivered()).isTrue();
        MimeMessage mail = onlyMessage();
        assertThat(recipients(mail)).containsExactly("cfo@example.com");
        assertThat(mail.getSubject()).isEqualTo("[tenantctl] Approval needed: acme-corp (CFO)");
        assertThat(GreenMailUtil.getBody(mail)).contains("needs the approval of the Chief Financial Officer",
                "Reason: budget INR 12,00,000 is above the threshold", "Estimated cost: INR 75,000 per month");
    }

    @Test
    void anApproverGroupWithoutAnAddressIsAFailedOutcomeNotAnException() {
        List<NotificationOutcome> outcomes = notifications(smtpSettings()).publish(SampleEvents.approval(ApproverGroup.CTO));

        assertThat(outcomes).containsExactly(new NotificationOutcome("email", "approval-needed", false, 0,
                "no e-mail address configured for approver group CTO"));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void failuresRollbacksAndDegradedTenantsGoToThePlatformTeamWithTheReason() throws Exception {
        Notifications notifications = notifications(smtpSettings());
        for (NotificationEvent event : SampleEvents.platformEvents()) {
            assertThat(notifications.publish(event)).allMatch(NotificationOutcome::delivered);
        }

        assertThat(greenMail.waitForIncomingEmail(10_000, 5)).isTrue();
        MimeMessage[] mails = greenMail.getReceivedMessages();
        Map<String, String> bodyBySubject = new HashMap<>();
        for (MimeMessage mail : mails) {
            assertThat(recipients(mail)).containsExactly("platform@example.com");
            bodyBySubject.put(mail.getSubject(), GreenMailUtil.getBody(mail));
        }
        assertThat(bodyBySubject.get("[tenantctl] Provisioning failed: acme-corp"))
                .contains("Reason: redis: ACL SETUSER refused", "Resources left: none");
        assertThat(bodyBySubject.get("[tenantctl] Rolled back: acme-corp"))
                .contains("Reason: critical check jwt-auth failed");
        assertThat(bodyBySubject.get("[tenantctl] ROLLBACK INCOMPLETE: acme-corp (2 resources left)"))
                .contains("Reason: bucket not empty", "- object-store tenant-acme-corp", "- redis t_acme-corp",
                        "tenantctl rollback acme-corp");
        assertThat(bodyBySubject.get("[tenantctl] Tenant degraded: acme-corp"))
                .contains("- cross-tenant-isolation", "- jwt-auth");
        assertThat(bodyBySubject.get("[tenantctl] Tenant recovered: acme-corp"))
                .contains("Previously failing: jwt-auth");
    }

    @Test
    void withoutAPlatformTeamAddressTheOutcomeSaysWhichSettingToSet() {
        Map<Setting, String> values = smtpSettings();
        values.remove(Setting.PLATFORM_TEAM_EMAIL);

        List<NotificationOutcome> outcomes = notifications(values).publish(SampleEvents.platformEvents().get(0));

        assertThat(outcomes.get(0).delivered()).isFalse();
        assertThat(outcomes.get(0).error()).isEqualTo("no platform team address: set PLATFORM_TEAM_EMAIL");
    }

    @Test
    void aRejectedLoginIsReportedWithoutThePassword() {
        Map<Setting, String> values = smtpSettings();
        values.put(Setting.SMTP_PASSWORD, "wrong-" + SMTP_PASSWORD);

        NotificationOutcome outcome = notifications(values).publish(SampleEvents.activated()).get(0);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).startsWith("SMTP delivery to owner@acme.example via 127.0.0.1:")
                .containsIgnoringCase("authentication").doesNotContain(SMTP_PASSWORD);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsAFailedOutcome() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<Setting, String> values = smtpSettings();
        values.put(Setting.SMTP_PORT, Integer.toString(closedPort));

        NotificationOutcome outcome = notifications(values).publish(SampleEvents.activated()).get(0);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("127.0.0.1:" + closedPort, "Connect").doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void badSmtpSettingsBecomeAnOutcomeNotAnException() {
        Map<Setting, String> values = smtpSettings();
        values.put(Setting.SMTP_PORT, "twenty-five");

        Notifications notifications = notifications(values);
        NotificationOutcome outcome = notifications.publish(SampleEvents.activated()).get(0);

        assertThat(notifications.channels()).containsExactly("email");
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("channel not usable", "SMTP_PORT must be a whole number");
    }

    @Test
    void requiredStartTlsIsNeverSilentlySkipped() {
        Map<Setting, String> values = smtpSettings();
        values.put(Setting.SMTP_STARTTLS, "true");

        NotificationOutcome outcome = notifications(values).publish(SampleEvents.activated()).get(0);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).endsWith("STARTTLS is required but host does not support STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theSmtpPasswordNeverPrints() {
        SmtpServer server = SmtpServer.fromSettings(Settings.of(smtpSettings())).orElseThrow();
        assertThat(server.toString()).contains("****").doesNotContain(SMTP_PASSWORD);
        assertThat(new EmailNotifier(server, null, Map.of()).toString()).doesNotContain(SMTP_PASSWORD);
    }
}
