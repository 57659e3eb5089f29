package io.tenantprovisioning.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantprovisioning.config.Secret;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack webhook delivery against a real local HTTP server. Waits are checked only from below (a
 * retry must not come early); nothing asserts that the machine was fast.
 */
class SlackNotifierTest {

    private static final String SECRET_PART = "XyZsecretTokenPart42";
    private static final RetryPolicy FAST =
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(20), Duration.ofSeconds(5));

    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private SlackNotifier slack(RetryPolicy policy) {
        return new SlackNotifier(Secret.of(receiver.url()), policy);
    }

    private static void assertNoWebhookIn(String text) {
        assertThat(text).doesNotContain(SECRET_PART).doesNotContain(WebhookReceiver.PATH);
    }

    @Test
    void postsOneCompactJsonMessage() throws Exception {
        NotificationOutcome outcome = slack(FAST).send(SampleEvents.activated());

        assertThat(outcome).isEqualTo(new NotificationOutcome("slack", "tenant-activated", true, 1, null));
        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(WebhookReceiver.PATH);
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(request.body()).get("text").asText())
                .isEqualTo("[tenantctl] acme-corp is active (Gold, 1,000 qpm, 50,000 docs/month)");
    }

    @Test
    void serverErrorsAreRetriedWithDoublingBackOff() {
        receiver.answer(WebhookReceiver.Answer.of(500), WebhookReceiver.Answer.of(503), WebhookReceiver.Answer.of(200));

        NotificationOutcome outcome = slack(FAST).send(SampleEvents.platformEvents().get(0));

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.gapMillis(1)).isGreaterThanOrEqualTo(90);
        assertThat(receiver.gapMillis(2)).isGreaterThanOrEqualTo(190);
    }

    @Test
    void retryAfterOnA429IsHonoured() {
        receiver.answer(new WebhookReceiver.Answer(429, Map.of("Retry-After", "1"), "rate_limited"),
                WebhookReceiver.Answer.of(200));

        NotificationOutcome outcome = slack(FAST).send(SampleEvents.approval(io.tenantprovisioning.approval.ApproverGroup.CFO));

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(receiver.gapMillis(1)).as("waited the 1 s Slack asked for, not the 100 ms back-off")
                .isGreaterThanOrEqualTo(950);
    }

    @Test
    void givesUpAfterTheAttemptBoundAndRecordsWhy() {
        receiver.answer(WebhookReceiver.Answer.of(500));

        NotificationOutcome outcome = slack(FAST).send(SampleEvents.platformEvents().get(2));

        assertThat(receiver.received()).hasSize(4);
        assertThat(outcome).isEqualTo(new NotificationOutcome("slack", "rollback-incomplete", false, 4,
                "Slack webhook: gave up after 4 attempts; last answer: HTTP 500 error"));
    }

    @Test
    void aRetryAfterBeyondTheTimeBoundIsNotWaitedFor() {
        receiver.answer(new WebhookReceiver.Answer(429, Map.of("Retry-After", "120"), "rate_limited"));

        NotificationOutcome outcome = slack(FAST).send(SampleEvents.platformEvents().get(3));

        assertThat(receiver.received()).hasSize(1);
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("Slack webhook: gave up after 1 attempt(s): retrying in 120.0 s would "
                + "exceed the 20.0 s bound; last answer: HTTP 429 rate_limited");
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        receiver.answer(new WebhookReceiver.Answer(404, Map.of(), "no_service"));

        NotificationOutcome outcome = slack(FAST).send(SampleEvents.activated());

        assertThat(receiver.received()).hasSize(1);
        assertThat(outcome.error()).isEqualTo("Slack webhook: HTTP 404 no_service");
    }

    @Test
    void aServerEchoingTheWebhookUrlHasItRedacted() {
        receiver.answer(new WebhookReceiver.Answer(400, Map.of(), "invalid_token for " + WebhookReceiver.PATH));

        NotificationOutcome outcome = slack(FAST).send(SampleEvents.activated());

        assertThat(outcome.error()).isEqualTo("Slack webhook: HTTP 400 invalid_token for ****");
    }

    @Test
    void anUnreachableWebhookFailsWithoutShowingItsUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + WebhookReceiver.PATH;

        NotificationOutcome outcome = new SlackNotifier(Secret.of(url), FAST).send(SampleEvents.activated());

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.error()).startsWith("Slack webhook: gave up after 4 attempts; last answer: ")
                .contains("ConnectException");
        assertNoWebhookIn(outcome.error());
        assertNoWebhookIn(outcome.toString());
    }

    @Test
    void theWebhookUrlNeverPrints() {
        SlackNotifier slack = slack(FAST);
        assertNoWebhookIn(slack.toString());
        assertThatThrownBy(() -> new SlackNotifier(Secret.of("not a url " + SECRET_PART), FAST))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertNoWebhookIn(e.getMessage()))
                .hasMessage("SLACK_WEBHOOK_URL is not an http(s) URL with a host");
    }

    @Test
    void aSlackOutageNeverThrowsFromTheCompositeAndIsRecorded() {
        receiver.answer(WebhookReceiver.Answer.of(503));
        Settings settings = Settings.of(Map.of(Setting.SLACK_WEBHOOK_URL, receiver.url()));
        Notifications notifications = new Notifications(List.of(slack(FAST), new LogNotifier(line -> { })));

        List<NotificationOutcome> outcomes = notifications.publish(SampleEvents.platformEvents().get(1));

        assertThat(outcomes).extracting(NotificationOutcome::channel).containsExactly("slack", "log");
        assertThat(outcomes.get(0).delivered()).isFalse();
        assertThat(outcomes.get(1).delivered()).isTrue();
        assertThat(Notifications.fromSettings(settings, Map.of()).channels()).containsExactly("slack");
        outcomes.forEach(o -> assertNoWebhookIn(o.describe()));
    }
}
