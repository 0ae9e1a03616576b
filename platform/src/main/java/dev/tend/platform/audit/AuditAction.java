package dev.tend.platform.audit;

/**
 * What a person or another system did, as recorded in the audit trail. One list for the three services, so the
 * console can merge a household's entries and a reader meets the same word for the same act everywhere.
 */
public enum AuditAction {
    /** customer-service: an integration registered a household. */
    CUSTOMER_REGISTERED,
    /** customer-service: a household's details were changed. */
    CUSTOMER_UPDATED,
    /** customer-service: consent on a channel was given or withdrawn over the API. */
    CONSENT_CHANGED,
    /** customer-service: a pet was registered. */
    PET_REGISTERED,
    /** customer-service: a pet's details were changed. */
    PET_UPDATED,
    /** customer-service: a pet was recorded as deceased. */
    PET_DIED,
    /** customer-service: a pet was recorded as rehomed. */
    PET_REHOMED,
    /** customer-service: a pet's photo was uploaded. */
    PET_PHOTO_UPLOADED,
    /** customer-service: a visit was recorded. */
    VISIT_RECORDED,
    /** customer-service: a visit was corrected. */
    VISIT_CORRECTED,
    /** customer-service: a visit was cancelled. */
    VISIT_CANCELLED,
    /** followup-service: a call or reply on the worklist was completed with an outcome. */
    CALL_COMPLETED,
    /** followup-service: a call was snoozed. */
    CALL_SNOOZED,
    /** followup-service: a call was given to another person or team. */
    CALL_REASSIGNED,
    /** followup-service: feedback was recorded over the API. */
    FEEDBACK_RECORDED,
    /** followup-service: a playbook was created. */
    PLAYBOOK_CREATED,
    /** followup-service: a playbook was saved as a new version. */
    PLAYBOOK_CHANGED,
    /** notification-service: a print job was approved for the print shop. */
    PRINT_JOB_APPROVED,
    /** notification-service: a message template was stored. */
    TEMPLATE_CHANGED,
    /** notification-service: a stored message template was removed. */
    TEMPLATE_REMOVED,
    /** notification-service: staff sent a household a message. */
    MESSAGE_SENT,
    /** notification-service: staff linked an unmatched inbound message to a household. */
    INBOUND_MESSAGE_LINKED,
    /**
     * The household was erased: in customer-service by the person who asked, in the other services when they
     * forgot their copy. Entries about the household stay; nothing in them names the person.
     */
    CUSTOMER_ERASED
}
