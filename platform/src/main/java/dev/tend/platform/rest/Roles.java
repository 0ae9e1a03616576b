package dev.tend.platform.rest;

/** The roles a token's {@code groups} claim grants. */
public final class Roles {

    /** Other systems: customers, pets, visits. */
    public static final String INTEGRATION = "integration";
    /** The front desk: worklist, feedback, timelines. */
    public static final String STAFF = "staff";
    /** Playbooks, templates, print-job approval; and anything the others may do. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
