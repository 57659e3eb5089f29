package io.tenantprovisioning.request;

import io.tenantprovisioning.tier.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks a {@link RequestDraft} against every rule at once and reports all problems together. */
public final class RequestValidator {

    public static final long MAX_BUDGET_INR = 10_000_000_000L;
    private static final Pattern WHOLE_RUPEES = Pattern.compile("^[0-9]{1,19}$");
    private static final Pattern COST_CENTER = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{1,63}$");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

    private final RegionCatalog regions;

    public RequestValidator(RegionCatalog regions) {
        this.regions = regions;
    }

    /** Returns the validated request, or throws {@link InvalidRequestException} listing every problem. */
    public TenantRequest validate(RequestDraft draft) {
        List<String> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().trim();
        Slug slug = checkName(name, problems);
        Tier tier = Tier.parse(draft.tier()).orElse(null);
        if (tier == null) {
            problems.add("tier: '" + nullToEmpty(draft.tier()) + "' is not one of Gold, Silver, Bronze");
        }
        Region region = checkRegion(draft.region(), problems);
        long budget = checkBudget(draft.budget(), problems);
        EmailAddress email = collect(problems, () -> new EmailAddress(nullToEmpty(draft.ownerEmail()).trim()));
        DataClassification classification =
                parseEnum(DataClassification.class, draft.classification(), "classification", problems);
        DataJurisdiction jurisdiction = draft.jurisdiction() == null || draft.jurisdiction().isBlank()
                ? DataJurisdiction.NONE
                : parseEnum(DataJurisdiction.class, draft.jurisdiction(), "jurisdiction", problems);
        checkResidency(jurisdiction, region, draft.crossBorderTransfer(), problems);
        String costCenter = checkCostCenter(draft.costCenter(), slug, problems);
        String idempotencyKey = checkIdempotencyKey(draft.idempotencyKey(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new TenantRequest(name, slug, tier, region, budget, email, classification, jurisdiction,
                draft.crossBorderTransfer(), costCenter, idempotencyKey);
    }

    private static Slug checkName(String name, List<String> problems) {
        if (name.length() < 3 || name.length() > 63) {
            problems.add("name: must be 3-63 characters after trimming, got " + name.length());
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                // PostgreSQL refuses U+0000 in text: without this the request failed in the registry insert
                problems.add("name: must not contain control characters, found U+"
                        + String.format(Locale.ROOT, "%04X", (int) name.charAt(i)) + " at position " + (i + 1));
                return null;
            }
        }
        return collect(problems, () -> Slug.fromName(name));
    }

    private Region checkRegion(String code, List<String> problems) {
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            problems.add("region: '" + nullToEmpty(code) + "' is unknown; known regions: "
                    + String.join(", ", regions.codes()));
        }
        return region.orElse(null);
    }

    private static long checkBudget(String text, List<String> problems) {
        String budget = nullToEmpty(text).trim();
        if (!WHOLE_RUPEES.matcher(budget).matches()) {
            problems.add("budget: '" + budget + "' must be a whole number of rupees (digits only)");
            return 0;
        }
        try {
            long value = Long.parseLong(budget);
            if (value <= 0 || value > MAX_BUDGET_INR) {
                problems.add("budget: " + value + " must be between 1 and " + MAX_BUDGET_INR + " rupees");
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add("budget: '" + budget + "' is larger than " + MAX_BUDGET_INR + " rupees");
            return 0;
        }
    }

    private static void checkResidency(DataJurisdiction jurisdiction, Region region, boolean crossBorder,
                                       List<String> problems) {
        if (jurisdiction == null || region == null || crossBorder) {
            return;
        }
        jurisdiction.residency().filter(area -> area != region.area()).ifPresent(area -> problems.add(
                "region: " + jurisdiction + " data must stay in " + area + " regions, but " + region.code()
                        + " is in " + region.area() + "; pick an " + area
                        + " region or request a cross-border transfer (needs the DPO)"));
    }

    private static String checkCostCenter(String costCenter, Slug slug, List<String> problems) {
        if (costCenter == null || costCenter.isBlank()) {
            return slug == null ? null : slug.defaultCostCenter();
        }
        if (!COST_CENTER.matcher(costCenter.trim()).matches()) {
            problems.add("cost center: '" + costCenter + "' must be 2-64 of letters, digits, '_' and '-', "
                    + "starting with a letter");
        }
        return costCenter.trim();
    }

    private static String checkIdempotencyKey(String key, List<String> problems) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            problems.add("idempotency key: must be 8-128 of letters, digits, '.', '_', ':' and '-'");
        }
        return key;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field, List<String> problems) {
        String wanted = nullToEmpty(text).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        problems.add(field + ": '" + nullToEmpty(text) + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T collect(List<String> problems, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
