package io.tenantprovisioning.engine.terraform;

import io.tenantprovisioning.engine.terraform.RootModuleInterface.DeclaredOutput;
import io.tenantprovisioning.engine.terraform.RootModuleInterface.DeclaredVariable;
import io.tenantprovisioning.resource.ResourceKindModule;
import io.tenantprovisioning.resource.TerraformMapping;
import io.tenantprovisioning.resource.TerraformRoot;
import io.tenantprovisioning.resource.kinds.ResourceKinds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The contract between tenantctl and a root module, as a list of mismatches (empty: it holds). The
 * Java side is given as what it actually produces ({@link TenantVariables#toTfvars()} documents, the
 * engine's own output keys), so the names are written once, in the Java code, and once in the HCL.
 *
 * <p>Types are compared strictly, stricter than OpenTofu converts: a number written for a string
 * variable, or an object attribute OpenTofu would silently drop, is drift on one side even where a
 * plan would still pass.
 */
final class TerraformContract {

    /** One way the two sides disagree: {@code subject} is e.g. {@code variable names.bucket}. */
    record Mismatch(String subject, String problem) {
        @Override
        public String toString() {
            return subject + ": " + problem;
        }
    }

    /** Output names that say "credential": such an output must be sensitive. */
    private static final Pattern CREDENTIAL = Pattern.compile("(^|_)(password|secret|token|private_key)(_|$)");

    private TerraformContract() {
    }

    /**
     * Each tfvars document tenantctl may write against the root's variables: every key declared (else
     * OpenTofu warns "Value for undeclared variable" and ignores it), every required variable written,
     * every value of the declared type, object attributes exactly as declared.
     */
    static List<Mismatch> variables(RootModuleInterface root, List<Map<String, Object>> documents) {
        Set<Mismatch> found = new LinkedHashSet<>(); // the documents share most mismatches; report each once
        for (Map<String, Object> tfvars : documents) {
            for (String name : new TreeSet<>(tfvars.keySet())) {
                DeclaredVariable declared = root.variables().get(name);
                if (declared == null) {
                    found.add(new Mismatch("variable " + name, "written by tenantctl but not declared"));
                } else {
                    conform("variable " + name, declared.type(), tfvars.get(name), found);
                }
            }
            root.variables().values().stream().filter(v -> v.required() && !tfvars.containsKey(v.name()))
                    .forEach(v -> found.add(new Mismatch("variable " + v.name(),
                            "required (no default) but not written by tenantctl")));
        }
        return List.copyOf(found);
    }

    /**
     * The root's outputs against what the engine does with them: each becomes {@code terraform.<name>}
     * beside the engine's own keys ({@code engineKeys}, which it must not overwrite), and a plain one is
     * returned and written to the audit trail verbatim, so a credential must be declared sensitive.
     */
    static List<Mismatch> outputs(RootModuleInterface root, Set<String> engineKeys) {
        List<Mismatch> found = new ArrayList<>();
        for (DeclaredOutput o : root.outputs().values()) {
            String key = TerraformEngine.OUTPUT_PREFIX + o.name();
            if (engineKeys.contains(key)) {
                found.add(new Mismatch("output " + o.name(), "becomes " + key + ", a key the engine sets itself"));
            }
            if (!o.sensitive() && CREDENTIAL.matcher(o.name()).find()) {
                found.add(new Mismatch("output " + o.name(), "names a credential but is not sensitive"));
            }
        }
        return found;
    }

    /**
     * The provider-free stand-in against the real root: its variables are declared there alike (same
     * type, same required-ness), and its outputs carry the same names, except {@code standInOnly}, so
     * what reads {@code terraform.<name>} against one root finds it against the other.
     */
    static List<Mismatch> standIn(RootModuleInterface standIn, RootModuleInterface real, Set<String> standInOnly) {
        List<Mismatch> found = new ArrayList<>();
        for (DeclaredVariable v : standIn.variables().values()) {
            DeclaredVariable r = real.variables().get(v.name());
            if (r == null) {
                found.add(new Mismatch("variable " + v.name(), "declared by the stand-in, not by the real root"));
            } else if (!r.equals(v)) {
                found.add(new Mismatch("variable " + v.name(), "declared as " + v + " by the stand-in, as " + r
                        + " by the real root"));
            }
        }
        for (String name : standIn.outputs().keySet()) {
            if (!standInOnly.contains(name) && !real.outputs().containsKey(name)) {
                found.add(new Mismatch("output " + name, "declared by the stand-in, not by the real root"));
            }
        }
        return found;
    }

    /**
     * The kinds' Terraform mappings against one root ({@code which} says which shipped root it is): every
     * output a kind is adopted from is declared by each root that creates the kind, sensitive exactly when
     * the kind takes it as a credential; every output naming a kind's resource is declared (the engine
     * compares it whichever root ran); every variable a kind reads is declared by the providers root, a
     * {@code names.<x>} one as an attribute of its {@code names} object.
     */
    static List<Mismatch> kinds(RootModuleInterface root, TerraformRoot which, ResourceKinds kinds) {
        List<Mismatch> found = new ArrayList<>();
        for (ResourceKindModule module : kinds.all()) {
            String kind = "the " + module.kind().stepName() + " kind";
            TerraformMapping mapping = module.terraform();
            if (mapping.createdBy(which)) {
                for (TerraformMapping.OutputBinding binding : mapping.outputs()) {
                    adoptedFrom(root, binding, kind, found);
                }
            }
            mapping.nameOutput().filter(o -> !root.outputs().containsKey(o)).ifPresent(o -> found.add(new Mismatch(
                    "output " + o, "names the resource of " + kind + " (the engine compares it), not declared")));
            if (which == TerraformRoot.PROVIDERS) {
                mapping.variables().stream().sorted().forEach(v -> readBy(root, v, kind, found));
            }
        }
        return found;
    }

    private static void adoptedFrom(RootModuleInterface root, TerraformMapping.OutputBinding binding, String kind,
                                    List<Mismatch> found) {
        DeclaredOutput declared = root.outputs().get(binding.output());
        String subject = "output " + binding.output();
        if (declared == null) {
            found.add(new Mismatch(subject, kind + " is adopted from it, but the root does not declare it"));
        } else if (declared.sensitive() != binding.secret()) {
            found.add(new Mismatch(subject, binding.secret()
                    ? kind + " takes it as a credential, but the root does not mark it sensitive"
                    : kind + " takes it as a plain attribute, but the root marks it sensitive"));
        }
    }

    private static void readBy(RootModuleInterface root, String variable, String kind, List<Mismatch> found) {
        String[] path = variable.split("\\.", 2);
        DeclaredVariable declared = root.variables().get(path[0]);
        if (declared == null) {
            found.add(new Mismatch("variable " + variable, "read by " + kind + ", not declared"));
        } else if (path.length == 2 && !(declared.type() instanceof TfType.ObjectType o
                && o.attributes().containsKey(path[1]))) {
            found.add(new Mismatch("variable " + variable, "read by " + kind + ", not an attribute of "
                    + path[0]));
        }
    }

    /** Adds a mismatch for every place where {@code value} is not of {@code type}. */
    private static void conform(String path, TfType type, Object value, Set<Mismatch> found) {
        if (type instanceof TfType.Any) {
            return;
        }
        if (type instanceof TfType.Primitive p) {
            boolean ok = switch (p.name()) {
                case "string" -> value instanceof String;
                case "number" -> value instanceof Number;
                default -> value instanceof Boolean; // bool
            };
            if (!ok) {
                found.add(new Mismatch(path, "declared " + p.name() + ", written " + describe(value)));
            }
        } else if (type instanceof TfType.Collection c && c.kind().equals("map")) {
            if (!(value instanceof Map<?, ?> map)) {
                found.add(new Mismatch(path, "declared map, written " + describe(value)));
                return;
            }
            map.forEach((k, v) -> conform(path + "." + k, c.element(), v, found));
        } else if (type instanceof TfType.Collection c) { // list, set
            if (!(value instanceof java.util.Collection<?> items)) {
                found.add(new Mismatch(path, "declared " + c.kind() + ", written " + describe(value)));
                return;
            }
            int i = 0;
            for (Object item : items) {
                conform(path + "[" + i++ + "]", c.element(), item, found);
            }
        } else if (type instanceof TfType.ObjectType o) {
            if (!(value instanceof Map<?, ?> map)) {
                found.add(new Mismatch(path, "declared object, written " + describe(value)));
                return;
            }
            for (Map.Entry<String, TfType> a : o.attributes().entrySet()) {
                if (map.containsKey(a.getKey())) {
                    conform(path + "." + a.getKey(), a.getValue(), map.get(a.getKey()), found);
                } else if (!o.optional().contains(a.getKey())) {
                    found.add(new Mismatch(path + "." + a.getKey(), "an attribute of the declared object, not written"));
                }
            }
            for (Object k : new TreeSet<>(map.keySet())) {
                if (!o.attributes().containsKey(String.valueOf(k))) {
                    found.add(new Mismatch(path + "." + k, "written, but not an attribute of the declared object"
                            + " (OpenTofu drops it)"));
                }
            }
        } else if (type instanceof TfType.Tuple t) {
            if (!(value instanceof List<?> items) || items.size() != t.elements().size()) {
                found.add(new Mismatch(path, "declared a tuple of " + t.elements().size() + ", written "
                        + describe(value)));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                conform(path + "[" + i + "]", t.elements().get(i), items.get(i), found);
            }
        }
    }

    /** The written value's Java type only: tfvars may one day carry something that should not be printed. */
    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
