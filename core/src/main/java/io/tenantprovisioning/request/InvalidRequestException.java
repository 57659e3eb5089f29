package io.tenantprovisioning.request;

import java.util.List;

/** A request broke one or more rules; {@link #problems()} has one line per problem. */
public final class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidRequestException(List<String> problems) {
        super("invalid tenant request: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
