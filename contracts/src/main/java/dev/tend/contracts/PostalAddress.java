package dev.tend.contracts;

/** Enough to print a card: {@code country} is an ISO 3166-1 alpha-2 code. */
public record PostalAddress(String line1, String line2, String city, String region, String postalCode, String country) {
}
