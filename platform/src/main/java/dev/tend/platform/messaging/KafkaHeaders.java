package dev.tend.platform.messaging;

/** Headers Tend puts on every record, so tools can route and trace without parsing the payload. */
public final class KafkaHeaders {

    public static final String EVENT_TYPE = "tend-event-type";
    public static final String EVENT_ID = "tend-event-id";

    private KafkaHeaders() {
    }
}
