package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.notification.NotificationRequested.Pet;
import dev.tend.notification.post.PostcardRenderer;
import dev.tend.notification.template.MessageData;
import dev.tend.notification.template.TemplateCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recheck postcard as a British and a Portuguese household receive it, laid out exactly as printed and read
 * back from the PDF. With {@code -Dgolden.update=true} the pages are also drawn as PNGs into {@code docs/images/}
 * for the README (see {@link MessageGoldenTest} for the command).
 */
@QuarkusTest
@NotificationServiceTestResource
class ReadmeCardsTest {

    static final Path IMAGES = Path.of("../docs/images");

    @Inject
    TemplateCatalog catalog;

    @Test
    void shouldPrintTheRecheckCardForAPortugueseHouseholdEntirelyInPortugueseWithAHumanDate() throws IOException {
        String back = card("pt", "pt-PT", "Europe/Lisbon", "Ana Souza",
                new PostalAddress("Rua das Flores, 28", "2.º esq.", "Lisboa", null, "1200-195", "PT"), "Dr. Rui Costa");
        assertTrue(back.contains("Coco e Pip têm consultas de revisão marcadas"), back);
        assertTrue(back.contains("+44 20 7946 0000"), "the number a household abroad can dial: " + back);
        assertTrue(back.contains("PORTUGAL"), "international mail names the country: " + back);
        String single = card("pt", "pt-PT", "Europe/Lisbon", "Ana Souza",
                new PostalAddress("Rua das Flores, 28", null, "Lisboa", null, "1200-195", "PT"), null, new Pet("Bella", "female", null));
        assertTrue(single.contains("A Bella tem consulta de revisão marcada para quinta-feira, 3 de dezembro"), single);
        assertTrue(single.contains("A equipa da Tend Veterinary Clinic"), single);
    }

    @Test
    void shouldPrintTheRecheckCardForABritishHouseholdWithBothPetsNamedAndNoCountryLine() throws IOException {
        String back = card("en", "en-GB", "Europe/London", "Mia Wong",
                new PostalAddress("12 Elm Road", "Flat 3", "Bristol", null, "BS1 4DJ", "GB"), "Dr. Sam Ortiz");
        assertTrue(back.contains("Coco and Pip are due back to see us for their rechecks"), back);
        assertTrue(back.contains("020 7946 0000"), back);
        assertTrue(!back.contains("UNITED KINGDOM"), back);
    }

    private String card(String language, String locale, String zone, String name, PostalAddress address, String staff,
                        Pet... pets) throws IOException {
        List<Pet> petList = pets.length == 0 ? List.of(new Pet("Coco", null, null), new Pet("Pip", null, null)) : List.of(pets);
        Map<String, String> personalisation = staff == null
                ? Map.of("customerName", name, "recheckDate", "2026-12-03")
                : Map.of("customerName", name, "recheckDate", "2026-12-03", "staffMember", staff);
        TemplateCatalog.Source source = catalog.resolve(Channel.POST, "recheck-postcard", locale).orElseThrow();
        String message = catalog.render(source, new MessageData(personalisation, petList, locale, zone, address.country())).text();
        Locale words = TemplateCatalog.formattingLocale(source.locale(), locale);
        byte[] pdf = PostcardRenderer.render(new PostcardRenderer.Card(name, address, message,
                catalog.cardSignature(staff, words), null, photo(), "Tend Veterinary Clinic", "1 High Street, London N1 1AA",
                Locale.UK)).pdf();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (MessageGoldenTest.UPDATE && pets.length == 0) {
                Files.createDirectories(IMAGES);
                PDFRenderer renderer = new PDFRenderer(document);
                ImageIO.write(renderer.renderImageWithDPI(0, 110), "png", IMAGES.resolve("postcard-front.png").toFile());
                ImageIO.write(renderer.renderImageWithDPI(1, 110), "png", IMAGES.resolve("postcard-back." + language + ".png").toFile());
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            return stripper.getText(document).replaceAll("[\\s\\u00A0]+", " ");
        }
    }

    /** A stand-in for a pet's photo: soft light over grass, so the README shows a full-bleed front. */
    private static BufferedImage photo() {
        BufferedImage image = new BufferedImage(1500, 1020, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xF6, 0xD3, 0x8B), 0, 700, new Color(0xA8, 0xC8, 0xE0)));
        g.fillRect(0, 0, 1500, 1020);
        g.setPaint(new GradientPaint(0, 650, new Color(0x7A, 0xA8, 0x4E), 0, 1020, new Color(0x3F, 0x6E, 0x2A)));
        g.fillRect(0, 650, 1500, 370);
        g.setColor(new Color(0xC9, 0x8A, 0x4B));
        g.fill(new Ellipse2D.Double(520, 520, 420, 260));
        g.fill(new Ellipse2D.Double(860, 380, 220, 200));
        g.setColor(new Color(0x8A, 0x5A, 0x2E));
        g.fill(new Ellipse2D.Double(870, 360, 70, 130));
        g.fill(new Ellipse2D.Double(1010, 360, 70, 130));
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(925, 450, 22, 22));
        g.fill(new Ellipse2D.Double(1005, 450, 22, 22));
        g.fill(new Ellipse2D.Double(958, 505, 36, 26));
        g.dispose();
        return image;
    }
}
