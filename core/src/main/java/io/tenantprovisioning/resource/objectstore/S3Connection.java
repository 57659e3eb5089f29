package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where S3 and IAM are and how to reach them: the endpoint override (moto locally, unset = AWS) and
 * the signing region. Builds admin and tenant clients alike, so both see the same service.
 */
public record S3Connection(Optional<URI> endpoint, Region region) {

    // Deadlines on every call: the SDK's defaults bound a socket read (30 s) but not a call, whose retries
    // against an endpoint that stopped answering took minutes (issue 19, item 2). One attempt may take 20 s,
    // the call with its retries 45 s; a refused connection fails in milliseconds and is retried with back-off.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(45);

    public static S3Connection fromSettings(Settings settings) {
        return new S3Connection(settings.optional(Setting.S3_ENDPOINT).map(URI::create),
                Region.of(settings.string(Setting.AWS_REGION)));
    }

    public S3Client s3(AwsCredentialsProvider credentials) {
        // Path style: an endpoint override defaults to virtual-host addressing, which moto on 127.0.0.1 cannot serve.
        var builder = S3Client.builder()
                .httpClientBuilder(http())
                .overrideConfiguration(deadlines())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public IamClient iam(AwsCredentialsProvider credentials) {
        // IAM is a global service: it signs for aws-global whatever the bucket region is.
        var builder = IamClient.builder()
                .httpClientBuilder(http())
                .overrideConfiguration(deadlines())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(ATTEMPT_TIMEOUT);
    }

    private static ClientOverrideConfiguration deadlines() {
        return ClientOverrideConfiguration.builder().apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT).build();
    }
}
