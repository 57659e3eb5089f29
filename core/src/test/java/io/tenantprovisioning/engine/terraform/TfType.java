package io.tenantprovisioning.engine.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A variable's type constraint as OpenTofu prints it in {@code show -config -json} (the cty JSON type
 * form: {@code "string"}, {@code ["map","string"]}, {@code ["object",{...},["optional attr"]]}), so the
 * contract compares against what OpenTofu parsed, not against our reading of the HCL.
 */
sealed interface TfType {

    /** {@code string}, {@code number} or {@code bool}. */
    record Primitive(String name) implements TfType {
    }

    /** {@code any}, or no {@code type} at all: every value conforms. */
    record Any() implements TfType {
    }

    /** {@code list(T)}, {@code set(T)} or {@code map(T)}. */
    record Collection(String kind, TfType element) implements TfType {
    }

    /** {@code object({...})}; {@code optional} names the attributes declared with {@code optional(...)}. */
    record ObjectType(Map<String, TfType> attributes, Set<String> optional) implements TfType {
    }

    /** {@code tuple([...])}. */
    record Tuple(List<TfType> elements) implements TfType {
    }

    static TfType fromJson(JsonNode type) {
        if (type == null || type.isMissingNode() || type.isNull()) {
            return new Any();
        }
        if (type.isTextual()) {
            return switch (type.asText()) {
                case "string", "number", "bool" -> new Primitive(type.asText());
                case "dynamic" -> new Any();
                default -> throw new IllegalArgumentException("unknown primitive type " + type);
            };
        }
        if (!type.isArray() || type.size() < 2 || !type.get(0).isTextual()) {
            throw new IllegalArgumentException("not a type constraint: " + type);
        }
        String kind = type.get(0).asText();
        return switch (kind) {
            case "list", "set", "map" -> new Collection(kind, fromJson(type.get(1)));
            case "object" -> {
                Map<String, TfType> attributes = new LinkedHashMap<>();
                type.get(1).fields().forEachRemaining(e -> attributes.put(e.getKey(), fromJson(e.getValue())));
                Set<String> optional = new LinkedHashSet<>();
                if (type.size() > 2) {
                    type.get(2).forEach(n -> optional.add(n.asText()));
                }
                yield new ObjectType(attributes, optional);
            }
            case "tuple" -> {
                List<TfType> elements = new ArrayList<>();
                type.get(1).forEach(n -> elements.add(fromJson(n)));
                yield new Tuple(elements);
            }
            default -> throw new IllegalArgumentException("unknown type constructor " + type);
        };
    }
}
