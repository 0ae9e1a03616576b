package dev.tend.notification;

import dev.tend.notification.email.QuotedText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The customer's own words, without the history their mail client quoted or the signature it added. */
class QuotedTextTest {

    @Test
    void shouldCutGmailsHistoryEvenWhenItsAttributionWraps() {
        assertEquals("Thanks, all fine.", QuotedText.strip("""
                Thanks, all fine.

                On Tue, 3 Mar 2026 at 09:00, Tend Veterinary Clinic <hello@tend.local>
                wrote:
                > How did we do?
                """));
    }

    @Test
    void shouldCutOutlooksOriginalMessageAndHeaderBlocks() {
        assertEquals("See you Friday.", QuotedText.strip("""
                See you Friday.

                -----Original Message-----
                From: Tend <hello@tend.local>
                Sent: Tuesday, March 3, 2026 9:00 AM
                """));
        assertEquals("Perfeito.", QuotedText.strip("""
                Perfeito.
                ________________________________
                De: Tend <hello@tend.local>
                Enviado: terça-feira, 3 de março de 2026 09:00
                """));
        assertEquals("Muy bien.", QuotedText.strip("""
                Muy bien.
                De: Tend <hello@tend.local>
                Fecha: martes, 3 de marzo de 2026
                Asunto: ¿Qué tal?
                """));
    }

    @Test
    void shouldCutPortugueseAndSpanishAttributionsSignaturesAndQuotedLines() {
        assertEquals("Correu bem.", QuotedText.strip("Correu bem.\nEm ter., 3 de mar. de 2026 às 09:00, Tend escreveu:\n> Olá"));
        assertEquals("Todo bien.", QuotedText.strip("Todo bien.\n\nEl mar, 3 mar 2026 a las 9:00, Tend escribió:\n> Hola"));
        assertEquals("Biscuit is better.\nThanks", QuotedText.strip("Biscuit is better.\n> earlier words\nThanks\n-- \nMia Wong\nAcme Ltd"));
        assertEquals("Great.", QuotedText.strip("Great.\n\nSent from my iPhone"));
    }

    @Test
    void shouldMakeHtmlReadableWithoutItsQuotedBlocks() {
        assertEquals("Line one\nLine two & more", QuotedText.fromHtml(
                "<html><head><style>p{}</style></head><body><p>Line one</p><div>Line two &amp; more</div>"
                        + "<blockquote>old words</blockquote><div class=\"gmail_quote\">On Tue … wrote:</div></body></html>"));
    }
}
