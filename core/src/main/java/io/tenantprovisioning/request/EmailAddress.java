package io.tenantprovisioning.request;

import java.util.regex.Pattern;

/** An owner's e-mail address in a shape mail servers accept (RFC 5321 limits, dot-atom forms only). */
public record EmailAddress(String value) {

    private static final Pattern LOCAL = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");
    private static final Pattern TLD = Pattern.compile("^[A-Za-z]{2,63}$");

    public EmailAddress {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    static String problem(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return "email: required";
        }
        if (candidate.length() > 254) {
            return "email: " + candidate.length() + " characters, at most 254 allowed";
        }
        int at = candidate.lastIndexOf('@');
        if (at <= 0 || at == candidate.length() - 1 || candidate.indexOf('@') != at) {
            return "email: '" + candidate + "' must be local-part@domain with exactly one '@'";
        }
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1);
        if (local.length() > 64) {
            return "email: local part is " + local.length() + " characters, at most 64 allowed";
        }
        if (!LOCAL.matcher(local).matches()) {
            return "email: local part '" + local + "' has characters or dots that are not allowed";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "email: domain '" + domain + "' needs at least one dot";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "email: domain '" + domain + "' has an invalid label '" + label + "'";
            }
        }
        if (!TLD.matcher(labels[labels.length - 1]).matches()) {
            return "email: domain '" + domain + "' must end in an alphabetic top-level domain";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
