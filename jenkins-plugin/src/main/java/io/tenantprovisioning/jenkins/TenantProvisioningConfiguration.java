package io.tenantprovisioning.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import io.tenantprovisioning.config.Settings;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The controller-side configuration of the tenant steps (Manage Jenkins → System): tenantctl's settings,
 * secrets as credential ids. Only administrators can change it; builds cannot (see
 * {@link ControllerConfiguration}). Saved in JENKINS_HOME like every {@link GlobalConfiguration}.
 */
@Extension
@Symbol("tenantProvisioning")
public class TenantProvisioningConfiguration extends GlobalConfiguration {

    private String settings;
    private String credentials;

    public TenantProvisioningConfiguration() {
        load();
    }

    /** What the steps run with now: parsed, checked, secrets read from the credentials store. */
    public static Settings current() {
        TenantProvisioningConfiguration config = ExtensionList.lookupSingleton(TenantProvisioningConfiguration.class);
        return ControllerConfiguration.parse(config.getSettings(), config.getCredentials())
                .settings(new StoredCredentials());
    }

    /** {@code NAME=value} lines of tenantctl settings (no secrets). */
    public String getSettings() {
        return settings;
    }

    @DataBoundSetter
    public void setSettings(String settings) {
        this.settings = settings;
        save();
    }

    /** {@code NAME=credentialId} lines, one per secret setting (Secret text credentials). */
    public String getCredentials() {
        return credentials;
    }

    @DataBoundSetter
    public void setCredentials(String credentials) {
        this.credentials = credentials;
        save();
    }
}
