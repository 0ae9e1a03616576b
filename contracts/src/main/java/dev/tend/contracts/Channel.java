package dev.tend.contracts;

/** The ways Tend reaches a household. {@code PHONE} is a call made by staff; {@code POST} a printed card. */
public enum Channel {
    EMAIL, SMS, POST, PHONE
}
