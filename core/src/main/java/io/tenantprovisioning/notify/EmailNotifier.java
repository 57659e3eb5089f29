package io.tenantprovisioning.notify;

import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.request.EmailAddress;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * E-mail over SMTP (Angus Mail): the owner hears about activation, the approver group about an
 * approval it must give, the platform team (PLATFORM_TEAM_EMAIL) about failures, rollbacks and
 * degraded tenants. A missing address is a failed outcome naming the setting to fix.
 */
public final class EmailNotifier implements Notifier {

    private static final String TIMEOUT_MS = "10000";

    private final SmtpServer server;
    private final Optional<EmailAddress> platformTeam;
    private final Map<ApproverGroup, EmailAddress> approvers;
    private final Redactor redactor;

    /**
     * @param platformTeam      PLATFORM_TEAM_EMAIL, or null
     * @param approverAddresses where each approver group is reached (e.g. CFO → cfo@example.com)
     */
    public EmailNotifier(SmtpServer server, String platformTeam, Map<ApproverGroup, String> approverAddresses) {
        this.server = server;
        this.platformTeam = Optional.ofNullable(platformTeam).filter(s -> !s.isBlank()).map(EmailAddress::new);
        Map<ApproverGroup, EmailAddress> addresses = new EnumMap<>(ApproverGroup.class);
        approverAddresses.forEach((group, address) -> addresses.put(group, new EmailAddress(address)));
        this.approvers = Map.copyOf(addresses);
        this.redactor = new Redactor(server.password() == null ? List.of() : List.of(server.password().reveal()));
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public NotificationOutcome send(NotificationEvent event) {
        Optional<EmailAddress> to = recipient(event);
        if (to.isEmpty()) {
            return NotificationOutcome.failed(channel(), event, 0, missingRecipient(event));
        }
        try {
            Transport.send(message(event, to.get()));
            return NotificationOutcome.delivered(channel(), event, 1);
        } catch (MessagingException | RuntimeException e) {
            return NotificationOutcome.failed(channel(), event, 1, "SMTP delivery to " + to.get() + " via "
                    + server.host() + ":" + server.port() + " failed: " + redactor.describe(e));
        }
    }

    Optional<EmailAddress> recipient(NotificationEvent event) {
        if (event instanceof NotificationEvent.TenantActivated activated) {
            return Optional.of(activated.owner());
        }
        if (event instanceof NotificationEvent.ApprovalNeeded approval) {
            return Optional.ofNullable(approvers.get(approval.group()));
        }
        return platformTeam;
    }

    private static String missingRecipient(NotificationEvent event) {
        if (event instanceof NotificationEvent.ApprovalNeeded approval) {
            return "no e-mail address configured for approver group " + approval.group().name();
        }
        return "no platform team address: set PLATFORM_TEAM_EMAIL";
    }

    private MimeMessage message(NotificationEvent event, EmailAddress to) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress(server.from().value()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to.value(), true));
        message.setSubject(event.subject(), StandardCharsets.UTF_8.name());
        message.setText(String.join("\n", event.body()) + "\n", StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("X-Tenantctl-Event", event.kind());
        message.setHeader("X-Tenantctl-Tenant", event.slug());
        return message;
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        props.put("mail.smtp.timeout", TIMEOUT_MS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MS);
        if (server.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (!server.authenticated()) {
            return Session.getInstance(props);
        }
        props.put("mail.smtp.auth", "true");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(server.user(), server.password().reveal());
            }
        });
    }

    @Override
    public String toString() {
        return "EmailNotifier[" + server.host() + ":" + server.port() + "]";
    }
}
