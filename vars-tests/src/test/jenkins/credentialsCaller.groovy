// Fixture of WithTenantCredentialsCpsTest: calls the library's withTenantCredentials with a body written
// in a pipeline script, as a Jenkinsfile does (a test's own closure belongs to the test object, which the
// CPS mode cannot serialize).
def around(library, Map credentials) {
    return library.call(credentials) {
        echo 'the body ran'
        'done'
    }
}

return this
