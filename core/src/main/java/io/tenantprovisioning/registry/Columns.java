package io.tenantprovisioning.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PSQLException;

/** Conversions between registry column types (jsonb, timestamptz, uuid) and Java values. */
final class Columns {

    // configured once here and never changed afterwards; ObjectMapper is thread-safe for reading/writing
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private static final TypeReference<List<LinkedHashMap<String, String>>> MAP_LIST = new TypeReference<>() {
    };

    private Columns() {
    }

    /** Now, at the precision PostgreSQL stores, so a value reads back equal to what was written. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new RegistryException("registry holds " + type.getSimpleName() + " JSON it cannot read: "
                    + e.getOriginalMessage());
        }
    }

    static Map<String, String> stringMap(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new RegistryException("registry holds a string map it cannot read: " + e.getOriginalMessage());
        }
    }

    static List<LinkedHashMap<String, String>> mapList(String json) {
        try {
            return JSON.readValue(json, MAP_LIST);
        } catch (JsonProcessingException e) {
            throw new RegistryException("registry holds a list it cannot read: " + e.getOriginalMessage());
        }
    }

    /** Checks that text is one JSON document (reports are stored as jsonb). */
    static void requireJson(String json, String what) {
        try {
            JSON.readTree(json == null ? "" : json);
            if (json == null || json.isBlank()) {
                throw new IllegalArgumentException(what + " is empty; expected a JSON document");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static boolean isUniqueViolation(SQLException e, String constraint) {
        return "23505".equals(e.getSQLState()) && e instanceof PSQLException psql
                && psql.getServerErrorMessage() != null
                && constraint.equals(psql.getServerErrorMessage().getConstraint());
    }
}
