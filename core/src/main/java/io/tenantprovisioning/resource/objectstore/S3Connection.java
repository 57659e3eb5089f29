package io.tenantprovisioning.resource.objectstore;

import io.tenantprovisioning.config.Setting;
import io.tenantprovisioning.config.Settings;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where S3 and IAM are and how to reach them: the endpoint override (moto locally, unset = AWS) and
 * the signing region. Builds admin and tenant clients alike, so both see the same service.
 */
public record S3Connection(Optional<URI> endpoint, Region region) {

    public static S3Connection fromSettings(Settings settings) {
        return new S3Connection(settings.optional(Setting.S3_ENDPOINT).map(URI::create),
                Region.of(settings.string(Setting.AWS_REGION)));
    }

    public S3Client s3(AwsCredentialsProvider credentials) {
        // Path style: an endpoint override defaults to virtual-host addressing, which moto on 127.0.0.1 cannot serve.
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public IamClient iam(AwsCredentialsProvider credentials) {
        // IAM is a global service: it signs for aws-global whatever the bucket region is.
        var builder = IamClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
