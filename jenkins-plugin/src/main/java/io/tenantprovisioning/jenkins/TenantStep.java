package io.tenantprovisioning.jenkins;

import org.jenkinsci.plugins.workflow.steps.Step;

/** What every tenant step shares: where its engine comes from (core's, or a test's fake). */
public abstract class TenantStep extends Step {

    private transient OperationsProvider operations = OperationsProvider.engine();

    OperationsProvider operations() {
        // a Step read back from XML has no transient state: fall back to the engine
        return operations != null ? operations : OperationsProvider.engine();
    }

    /** Tests only: run this step against another engine. Not a pipeline argument. */
    TenantStep useOperations(OperationsProvider provider) {
        this.operations = provider;
        return this;
    }
}
