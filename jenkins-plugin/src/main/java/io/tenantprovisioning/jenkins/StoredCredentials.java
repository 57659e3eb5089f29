package io.tenantprovisioning.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Secret text credentials of the controller's global store, looked up by id as the system. No item group
 * is given (the store of Jenkins itself), so a folder's credentials, which a folder's owner controls,
 * can never stand in for the controller's.
 */
final class StoredCredentials implements ControllerConfiguration.CredentialSecrets {

    @Override
    public Optional<String> secretText(String credentialId) {
        // null item group and authentication: the credentials plugin reads them as Jenkins and ACL.SYSTEM2
        return CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, null, null).stream()
                .filter(c -> c.getId().equals(credentialId))
                .findFirst()
                .map(c -> c.getSecret().getPlainText());
    }
}
