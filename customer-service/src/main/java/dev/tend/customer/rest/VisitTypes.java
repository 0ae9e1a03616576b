package dev.tend.customer.rest;

/** The kinds of visit playbooks can tell apart; {@code other} for anything else. */
final class VisitTypes {

    static final String PATTERN = "wellness|vaccination|treatment|surgery|dental|consultation|recheck|emergency|meeting|other";
    static final String MESSAGE = "must be one of: wellness, vaccination, treatment, surgery, dental, consultation, "
            + "recheck, emergency, meeting, other";

    private VisitTypes() {
    }
}
