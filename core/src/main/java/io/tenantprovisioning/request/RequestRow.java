package io.tenantprovisioning.request;

import java.util.List;
import java.util.Objects;

/**
 * One row of a request file: where it is ({@code line}, 1-based, as an editor shows it) and the request
 * it holds, or the problems that kept it from being read as one (an unknown column, say).
 */
public record RequestRow(int line, RequestDraft draft, List<String> problems) {

    public RequestRow {
        Objects.requireNonNull(draft, "draft");
        problems = List.copyOf(problems);
    }
}
