package io.tenantprovisioning.vars

/**
 * Stands for `currentBuild` (workflow-support's RunWrapper, which is Serializable so the program state
 * holding it can be saved): the fields the library sets and reads, and the build's causes as
 * getBuildCauses(className) returns them (a list of maps, e.g. [[userId: 'alice']]).
 */
class RecordedRunWrapper implements Serializable {

    private static final long serialVersionUID = 1L

    String result
    String displayName
    String description
    List<Map> causes = []

    List<Map> getBuildCauses(String className) {
        return className == 'hudson.model.Cause$UserIdCause' ? causes.findAll { it.userId } : causes
    }
}
