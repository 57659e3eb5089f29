package io.tenantprovisioning.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantprovisioning.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slack incoming webhook: one compact message per event. Retries on 429, 5xx and I/O errors with
 * doubling back-off, waits what a 429's Retry-After (seconds) asks, and gives up after the
 * {@link RetryPolicy}'s bound; any other 4xx is final. The webhook URL is a secret (it grants
 * posting): it never appears in an outcome, a log line or {@link #toString()}.
 */
public final class SlackNotifier implements Notifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ECHOED_BODY = 200;
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    private final Secret webhook;
    private final URI uri;
    private final RetryPolicy policy;
    private final HttpClient client;
    private final Redactor redactor;

    public SlackNotifier(Secret webhookUrl, RetryPolicy policy) {
        this.webhook = webhookUrl;
        this.uri = parse(webhookUrl);
        this.policy = policy;
        this.client = HttpClient.newBuilder().connectTimeout(policy.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.redactor = new Redactor(List.of(webhookUrl.reveal(), String.valueOf(uri.getRawPath()),
                String.valueOf(uri.getPath())));
    }

    private static URI parse(Secret webhookUrl) {
        try {
            URI uri = new URI(webhookUrl.reveal().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // fall through: the message would quote the URL
        }
        throw new IllegalArgumentException("SLACK_WEBHOOK_URL is not an http(s) URL with a host");
    }

    @Override
    public String channel() {
        return "slack";
    }

    @Override
    public NotificationOutcome send(NotificationEvent event) {
        String body = payload(event);
        long start = System.nanoTime();
        int attempt = 0;
        while (true) {
            attempt++;
            Attempt result = attempt(request(body, Duration.ofNanos(System.nanoTime() - start)));
            if (result.delivered()) {
                return NotificationOutcome.delivered(channel(), event, attempt);
            }
            if (!result.retryable()) {
                return NotificationOutcome.failed(channel(), event, attempt, "Slack webhook: " + result.problem());
            }
            Duration wait = result.retryAfter().orElse(policy.backoffAfter(attempt));
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            String stop = stopReason(attempt, wait, spent);
            if (stop != null) {
                return NotificationOutcome.failed(channel(), event, attempt,
                        "Slack webhook: " + stop + "; last answer: " + result.problem());
            }
            if (!sleep(wait)) {
                return NotificationOutcome.failed(channel(), event, attempt,
                        "Slack webhook: interrupted while waiting to retry; last answer: " + result.problem());
            }
        }
    }

    /**
     * One attempt's request, its deadline cut to what is left of the overall bound: a webhook that accepts
     * and never answers must not hold provisioning past {@code maxTotal} (it did by a whole request timeout).
     */
    private HttpRequest request(String body, Duration spent) {
        Duration left = policy.maxTotal().minus(spent);
        Duration timeout = left.compareTo(policy.requestTimeout()) < 0 ? left : policy.requestTimeout();
        return HttpRequest.newBuilder(uri).timeout(timeout.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Why not to try again, or null to retry. */
    private String stopReason(int attempt, Duration wait, Duration spent) {
        if (attempt >= policy.maxAttempts()) {
            return "gave up after " + attempt + " attempts";
        }
        if (spent.plus(wait).compareTo(policy.maxTotal()) > 0) {
            return "gave up after " + attempt + " attempt(s): retrying in " + seconds(wait) + " would exceed the "
                    + seconds(policy.maxTotal()) + " bound";
        }
        return null;
    }

    private Attempt attempt(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Attempt(false, true, Optional.empty(), redactor.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, false, Optional.empty(), "interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Attempt(true, false, Optional.empty(), null);
        }
        String problem = "HTTP " + status + echo(response.body());
        if (status == 429) {
            return new Attempt(false, true, retryAfter(response), problem);
        }
        return new Attempt(false, status >= 500, Optional.empty(), problem);
    }

    /** Retry-After in seconds (the form Slack sends); an HTTP-date or garbage falls back to back-off. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }

    /** Slack answers with short codes ("invalid_payload", "no_service"): worth showing; pages are not. */
    private String echo(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        if (text.length() > MAX_ECHOED_BODY || text.chars().anyMatch(c -> c < 0x20)) {
            return " (" + body.length() + " characters of response body)";
        }
        return " " + redactor.redact(text);
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String payload(NotificationEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", "[tenantctl] " + event.compact());
        return body.toString();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return "SlackNotifier[webhook " + webhook + "]";
    }

    /** One request's result. */
    private record Attempt(boolean delivered, boolean retryable, Optional<Duration> retryAfter, String problem) {
    }
}
