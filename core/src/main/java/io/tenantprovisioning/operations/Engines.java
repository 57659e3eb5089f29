package io.tenantprovisioning.operations;

import io.tenantprovisioning.progress.ProgressListener;
import io.tenantprovisioning.engine.DirectEngine;
import io.tenantprovisioning.engine.ProvisioningEngine;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provisioning engines this process can run, by name. */
final class Engines {

    private Engines() {
    }

    static Map<String, ProvisioningEngine> available(PlatformServices services, ProgressListener events) {
        Map<String, ProvisioningEngine> engines = new LinkedHashMap<>();
        engines.put(DirectEngine.NAME, services.directEngine());
        return engines;
    }
}
