package io.tenantprovisioning.registry;

import io.tenantprovisioning.approval.Actor;
import io.tenantprovisioning.approval.ApprovalRoute;
import io.tenantprovisioning.approval.ApprovalStep;
import io.tenantprovisioning.approval.ApproverGroup;
import io.tenantprovisioning.request.RequestDraft;
import io.tenantprovisioning.request.TenantRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The provisioning_requests table, and the idempotency rule for replayed requests. */
public final class RequestRecords {

    private static final String COLUMNS = "id, tenant_id, request, request_hash, idempotency_key, requester, "
            + "route, created_at, requester_source";
    private static final String KEY_CONSTRAINT = "provisioning_requests_idempotency_key_key";

    private final SqlScope scope;

    RequestRecords(SqlScope scope) {
        this.scope = scope;
    }

    /**
     * The earlier request this one replays, if its idempotency key was seen before with the same
     * parameters. The same key with different parameters throws {@link IdempotencyConflictException}.
     */
    public Optional<StoredRequest> replayOf(TenantRequest request) {
        if (request.idempotency().isEmpty()) {
            return Optional.empty();
        }
        String key = request.idempotency().get();
        Optional<StoredRequest> first = byIdempotencyKey(key);
        if (first.isPresent() && !first.get().requestHash().equals(hash(request))) {
            throw new IdempotencyConflictException(key, first.get().id().toString());
        }
        return first;
    }

    public Optional<StoredRequest> byIdempotencyKey(String key) {
        return select("find request by idempotency key", "idempotency_key = ?", key);
    }

    public Optional<StoredRequest> byId(UUID id) {
        return select("find request " + id, "id = ?", id);
    }

    public StoredRequest require(UUID id) {
        return byId(id).orElseThrow(() -> new UnknownTenantException("no request " + id + " in the registry"));
    }

    /** Records a request for an already recorded tenant; a reused idempotency key fails and records nothing. */
    public StoredRequest insert(UUID id, UUID tenantId, TenantRequest request, Actor requester, ApprovalRoute route) {
        StoredRequest stored = new StoredRequest(id, tenantId, canonical(request), hash(request),
                request.idempotencyKey(), requester.id(), route, Columns.now(), requester.source().label());
        return scope.run("record request " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO provisioning_requests (" + COLUMNS
                    + ") VALUES (?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)")) {
                ps.setObject(1, stored.id());
                ps.setObject(2, stored.tenantId());
                ps.setString(3, Columns.toJson(stored.request()));
                ps.setString(4, stored.requestHash());
                ps.setString(5, stored.idempotencyKey());
                ps.setString(6, stored.requester());
                ps.setString(7, Columns.toJson(routeJson(route)));
                Columns.setInstant(ps, 8, stored.createdAt());
                ps.setString(9, stored.requesterSource());
                ps.executeUpdate();
                return stored;
            } catch (SQLException e) {
                if (Columns.isUniqueViolation(e, KEY_CONSTRAINT)) {
                    throw new IdempotencyConflictException(request.idempotencyKey(), "recorded concurrently");
                }
                throw e;
            }
        });
    }

    /** The request's validated values in text form, the way they are stored and hashed. */
    public static RequestDraft canonical(TenantRequest r) {
        return new RequestDraft(r.name(), r.tier().name(), r.region().code(), Long.toString(r.budgetInr()),
                r.ownerEmail().value(), r.classification().name(), r.jurisdiction().name(),
                r.crossBorderTransfer(), r.costCenter(), r.idempotencyKey());
    }

    /** SHA-256 (hex) of the request's parameters; the idempotency key itself is not a parameter. */
    public static String hash(TenantRequest request) {
        RequestDraft d = canonical(request);
        RequestDraft parameters = new RequestDraft(d.name(), d.tier(), d.region(), d.budget(), d.ownerEmail(),
                d.classification(), d.jurisdiction(), d.crossBorderTransfer(), d.costCenter(), null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Columns.toJson(parameters).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Optional<StoredRequest> select(String operation, String where, Object value) {
        return scope.run(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM provisioning_requests WHERE "
                    + where)) {
                ps.setObject(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<StoredRequest>empty();
                }
            }
        });
    }

    private static StoredRequest read(ResultSet rs) throws SQLException {
        return new StoredRequest(
                Columns.uuid(rs, "id"),
                Columns.uuid(rs, "tenant_id"),
                Columns.fromJson(rs.getString("request"), RequestDraft.class),
                rs.getString("request_hash"),
                rs.getString("idempotency_key"),
                rs.getString("requester"),
                route(rs.getString("route")),
                Columns.instant(rs, "created_at"),
                rs.getString("requester_source"));
    }

    private static List<Map<String, String>> routeJson(ApprovalRoute route) {
        List<Map<String, String>> steps = new ArrayList<>();
        for (ApprovalStep step : route.steps()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("group", step.group().name());
            m.put("reason", step.reason());
            steps.add(m);
        }
        return steps;
    }

    private static ApprovalRoute route(String json) {
        List<ApprovalStep> steps = new ArrayList<>();
        for (Map<String, String> step : Columns.mapList(json)) {
            steps.add(new ApprovalStep(ApproverGroup.valueOf(step.get("group")), step.get("reason")));
        }
        return new ApprovalRoute(steps);
    }
}
