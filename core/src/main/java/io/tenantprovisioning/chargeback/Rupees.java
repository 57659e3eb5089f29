package io.tenantprovisioning.chargeback;

/** Rupee amounts the way the finance team reads them: Indian digit grouping, "₹12,34,567". */
public final class Rupees {

    private Rupees() {
    }

    public static String format(long amount) {
        String digits = Long.toString(amount).replace("-", "");
        StringBuilder out = new StringBuilder(amount < 0 ? "-₹" : "₹");
        if (digits.length() <= 3) {
            return out.append(digits).toString();
        }
        String head = digits.substring(0, digits.length() - 3);
        // thousands first, then groups of two (lakh, crore, ...)
        int first = head.length() % 2 == 0 ? 2 : 1;
        out.append(head, 0, first);
        for (int i = first; i < head.length(); i += 2) {
            out.append(',').append(head, i, i + 2);
        }
        return out.append(',').append(digits.substring(digits.length() - 3)).toString();
    }
}
