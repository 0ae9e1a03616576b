package dev.tend.notification.post;

import dev.tend.contracts.PostalAddress;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressFormatTest {

    private static final Locale UK_CLINIC = Locale.UK;
    private static final Locale PORTUGUESE_CLINIC = Locale.forLanguageTag("pt-PT");

    @Test
    void shouldLeaveTheCountryOffDomesticMailAndPutThePostTownInCapitals() {
        assertEquals(List.of("Mia Wong", "12 Elm Road", "Flat 3", "BRISTOL", "BS1 4DJ"),
                AddressFormat.lines("Mia Wong", new PostalAddress("12 Elm Road", "Flat 3", "Bristol", "Avon", "bs1 4dj", "GB"), UK_CLINIC));
    }

    @Test
    void shouldNameTheCountryOfInternationalMailInTheSendersLanguage() {
        PostalAddress lisbon = new PostalAddress("Rua das Flores, 28", null, "Lisboa", null, "1200-195", "PT");
        assertEquals(List.of("Ana Souza", "Rua das Flores, 28", "1200-195 LISBOA", "PORTUGAL"),
                AddressFormat.lines("Ana Souza", lisbon, UK_CLINIC));
        assertEquals(List.of("Ana Souza", "Rua das Flores, 28", "1200-195 LISBOA"),
                AddressFormat.lines("Ana Souza", lisbon, PORTUGUESE_CLINIC));
        PostalAddress bristol = new PostalAddress("12 Elm Road", null, "Bristol", null, "BS1 4DJ", "GB");
        assertEquals("REINO UNIDO", AddressFormat.lines("Mia Wong", bristol, PORTUGUESE_CLINIC).get(4));
        assertEquals("ESTADOS UNIDOS", AddressFormat.lines("Sam Lee",
                new PostalAddress("1 Main St", null, "Springfield", "IL", "62701", "US"), Locale.forLanguageTag("es-ES")).get(3));
    }

    @Test
    void shouldPutCityRegionAndZipOnOneLineWithTheRegionsPostalAbbreviation() {
        assertEquals("San Francisco CA 94103", AddressFormat.lines("Sam Lee",
                new PostalAddress("500 Market St", null, "San Francisco", "California", "94103", "US"), Locale.US).get(2));
        assertEquals("Toronto ON M5V 2T6", AddressFormat.lines("Sam Lee",
                new PostalAddress("1 King St", null, "Toronto", "Ontario", "M5V 2T6", "CA"), Locale.CANADA).get(2));
    }

    @Test
    void shouldWriteABrazilianAddressWithTheStateCodeAndTheCepLast() {
        List<String> lines = AddressFormat.lines("João Lima",
                new PostalAddress("Av. Paulista, 1000", "apto 12", "São Paulo", "São Paulo", "01310-100", "BR"), Locale.forLanguageTag("pt-BR"));
        assertEquals(List.of("João Lima", "Av. Paulista, 1000", "apto 12", "São Paulo - SP", "01310-100"), lines);
    }

    @Test
    void shouldPutTheSpanishPostcodeBeforeTheTownAndTheProvinceBelow() {
        assertEquals(List.of("Lucía Gómez", "Calle Mayor, 5", "28801 Alcalá de Henares", "Madrid"), AddressFormat.lines("Lucía Gómez",
                new PostalAddress("Calle Mayor, 5", null, "Alcalá de Henares", "Madrid", "28801", "ES"), Locale.forLanguageTag("es-ES")));
    }

    @Test
    void shouldNeverBreakAPhoneNumberAcrossLinesOfACard() throws IOException {
        try (PDDocument document = new PDDocument();
             InputStream in = PostcardRenderer.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDType0Font font = PDType0Font.load(document, in);
            String phone = "020\u00A07946\u00A00000";
            String message = "If the date does not suit you, please do call us on " + phone + " and we will find another.";
            for (float width = 60; width < 260; width += 5) {
                List<String> lines = PostcardRenderer.wrap(font, 10, message, width);
                float at = width;
                assertTrue(lines.stream().anyMatch(line -> line.contains(phone)), () -> "split at width " + at + ": " + lines);
            }
        }
    }
}
