package io.rightsize.common.order;

/**
 * One generated bad-input case and the decision made for it up front, so a lenient validator cannot hide behind
 * "it did not crash".
 *
 * @param name    what was done to the valid order, for the failure report
 * @param json    the order file's text
 * @param outcome whether validation must refuse, accept, or may do either (random byte flips)
 * @param field   for refusals, the field the error must name: this path or one inside it
 */
record CorpusCase(String name, String json, Outcome outcome, String field) {

    enum Outcome { REFUSED, ACCEPTED, EITHER }

    static CorpusCase refused(String name, String json, String field) {
        return new CorpusCase(name, json, Outcome.REFUSED, field);
    }

    static CorpusCase accepted(String name, String json) {
        return new CorpusCase(name, json, Outcome.ACCEPTED, "");
    }

    static CorpusCase either(String name, String json) {
        return new CorpusCase(name, json, Outcome.EITHER, "");
    }

    /** Whether a refusal naming {@code refusedField} is about the field this case expects. */
    boolean names(String refusedField) {
        return refusedField.equals(field) || refusedField.startsWith(field + ".")
                || refusedField.startsWith(field + "[");
    }
}
