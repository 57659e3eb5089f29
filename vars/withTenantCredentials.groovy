/**
 * Runs the body with the engine's secrets bound as environment variables from Jenkins "Secret text"
 * credentials: [REGISTRY_DB_PASSWORD: 'tenantctl-registry-db-password', ...]. The tenant steps (and
 * tenantctl in `sh`) read their configuration from the environment; Jenkins masks these values in
 * the console. Variables must be settings tenantctl knows (see the README's configuration table).
 */
def call(Map credentials, Closure body) {
    List names = variableNames(credentials)
    List bad = invalidNames(names)
    if (bad) {
        error("withTenantCredentials: ${bad} are not environment variable names (e.g. REGISTRY_DB_PASSWORD)")
    }
    if (names.isEmpty()) {
        return body()
    }
    List secrets = []
    // by index: a for-in loop keeps an Iterator in the program state, which only some Jenkins versions can save
    for (int i = 0; i < names.size(); i++) {
        secrets << string(credentialsId: credentials[names[i]], variable: names[i])
    }
    return withCredentials(secrets) {
        body()
    }
}

/** Plain Strings (not Map.Entry objects, which are not serializable) for the CPS loop above. */
@NonCPS
List variableNames(Map credentials) {
    return (credentials ?: [:]).keySet().collect { it.toString() }
}

@NonCPS
List invalidNames(List names) {
    return names.findAll { !(it ==~ /[A-Z][A-Z0-9_]*/) }
}
