package io.tenantprovisioning.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import io.tenantprovisioning.model.ResourceKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One service the reliability suite takes away from the platform under test, as a small adapter: where the
 * real service is (or a private stand-in the test owns: GreenMail for SMTP, an HTTP server for the Slack
 * webhook), which settings route the platform through a {@link ServiceOutage} forwarder in front of it,
 * the word its error must name, and whether losing it must fail provisioning ({@link #critical}) or only be
 * reported (monitoring, notifications). The shared services never go down: only the forwarder does.
 */
enum FailingService {

    /** The tenant-data connection (schemas, roles, migrations); the registry stays reachable through REGISTRY_DB_URL. */
    POSTGRES("postgres (tenant data)", "postgres", true, ResourceKind.POSTGRES) {
        @Override
        Backend start(Settings shared) {
            return new Backend(shared.string(Setting.REGISTRY_DB_HOST), shared.integer(Setting.REGISTRY_DB_PORT),
                    port -> Map.of(Setting.REGISTRY_DB_URL, registryUrl(shared, shared.integer(Setting.REGISTRY_DB_PORT)),
                            Setting.REGISTRY_DB_PORT, Integer.toString(port)), () -> { });
        }
    },
    /** The registry database itself (same server, reached through REGISTRY_DB_URL); tenant data stays reachable. */
    REGISTRY("registry database", "registry", true, ResourceKind.REDIS) {
        @Override
        Backend start(Settings shared) {
            return new Backend(shared.string(Setting.REGISTRY_DB_HOST), shared.integer(Setting.REGISTRY_DB_PORT),
                    port -> Map.of(Setting.REGISTRY_DB_URL, registryUrl(shared, port)), () -> { });
        }
    },
    /** S3 and IAM on moto (one endpoint), with the s3 object store. */
    S3("s3 endpoint (moto)", "s3", true, ResourceKind.OBJECT_STORE) {
        @Override
        Backend start(Settings shared) {
            URI endpoint = URI.create(shared.string(Setting.S3_ENDPOINT));
            return new Backend(endpoint.getHost(), endpoint.getPort(), port -> Map.of(Setting.OBJECT_STORE, "s3",
                    Setting.S3_ENDPOINT, endpoint.getScheme() + "://" + endpoint.getHost() + ":" + port), () -> { });
        }
    },
    /** Prometheus' HTTP API, which check 7 (metrics collection, not critical) asks. */
    PROMETHEUS("prometheus", "prometheus", false, ResourceKind.MONITORING) {
        @Override
        Backend start(Settings shared) {
            URI url = URI.create(shared.string(Setting.PROMETHEUS_URL));
            return new Backend(url.getHost(), url.getPort(), port -> Map.of(Setting.PROMETHEUS_URL,
                    url.getScheme() + "://" + url.getHost() + ":" + port + url.getPath()), () -> { });
        }
    },
    /** A private GreenMail SMTP server; activation mail goes to the owner, rollback mail to the platform team. */
    SMTP("smtp", "smtp", false, ResourceKind.SIGNING_KEY) {
        @Override
        Backend start(Settings shared) {
            GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
            return new Backend("127.0.0.1", mail.getSmtp().getPort(), port -> Map.of(Setting.SMTP_HOST, "127.0.0.1",
                    Setting.SMTP_PORT, Integer.toString(port), Setting.PLATFORM_TEAM_EMAIL, "platform@example.com",
                    Setting.SMTP_FROM, "tenantctl@example.com"),
                    mail::stop);
        }
    },
    /** A private HTTP server standing in for the Slack webhook (it answers 200 while it is reachable). */
    SLACK("slack webhook", "slack webhook", false, ResourceKind.SIGNING_KEY) {
        @Override
        Backend start(Settings shared) throws IOException {
            HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            webhook.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            webhook.start();
            return new Backend("127.0.0.1", webhook.getAddress().getPort(), port -> Map.of(Setting.SLACK_WEBHOOK_URL,
                    webhookUrl(port)), () -> webhook.stop(0));
        }
    };

    /** The secret part of the webhook URL, which no message may ever contain. */
    static final String WEBHOOK_SECRET_PATH = "/services/T0RELIAB/B0RELIAB/reliabilitySecretToken77";

    private final String label;
    private final String named;
    private final boolean critical;
    private final ResourceKind kind;

    FailingService(String label, String named, boolean critical, ResourceKind kind) {
        this.label = label;
        this.named = named;
        this.critical = critical;
        this.kind = kind;
    }

    /** Starts the private stand-in, if the service has one; the real shared services are only pointed at. */
    abstract Backend start(Settings shared) throws IOException;

    String label() {
        return label;
    }

    /** The words the error (or the warning, for a service that is not critical) must contain. */
    String named() {
        return named;
    }

    /** Whether losing the service must fail provisioning (and leave a rollback to finish once it is back). */
    boolean critical() {
        return critical;
    }

    /** The kind whose step the run pauses at before the cut (mid-provision) or whose destroy pauses (mid-rollback). */
    ResourceKind kind() {
        return kind;
    }

    /** The notification channel the service carries, if it is one. */
    Optional<String> channel() {
        return switch (this) {
            case SMTP -> Optional.of("email");
            case SLACK -> Optional.of("slack");
            default -> Optional.empty();
        };
    }

    static String webhookUrl(int port) {
        return "http://127.0.0.1:" + port + WEBHOOK_SECRET_PATH;
    }

    private static String registryUrl(Settings shared, int port) {
        return "jdbc:postgresql://" + shared.string(Setting.REGISTRY_DB_HOST) + ":" + port + "/"
                + shared.string(Setting.REGISTRY_DB_NAME);
    }

    /** Where the service listens, the settings that send the platform through a forwarder's port, and how to stop a stand-in. */
    record Backend(String host, int port, Routing routing, Runnable stop) implements AutoCloseable {

        Map<Setting, String> through(int forwarderPort) {
            return routing.settings(forwarderPort);
        }

        @Override
        public void close() {
            stop.run();
        }
    }

    @FunctionalInterface
    interface Routing {
        Map<Setting, String> settings(int forwarderPort);
    }
}
