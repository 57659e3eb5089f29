package io.tenantprovisioning.application;

import java.util.List;

/**
 * Rows of a request file that are not valid requests, every one with its line number; thrown before any
 * row starts (unless --skip-invalid), so nothing was created.
 */
public final class InvalidRequestFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidRequestFileException(String file, List<String> problems) {
        super(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "; nothing was started");
        this.problems = List.copyOf(problems);
    }

    /** One line each: {@code line 4: tier: 'platinum' is not one of Gold, Silver, Bronze}. */
    public List<String> problems() {
        return problems;
    }
}
