package dev.tend.contracts.notification;

public enum DeliveryStatus {
    SENT, DELIVERED, FAILED, SUPPRESSED
}
