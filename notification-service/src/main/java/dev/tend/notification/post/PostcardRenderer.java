package dev.tend.notification.post;

import dev.tend.contracts.PostalAddress;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out one print-ready postcard: a 6×4 in card with ⅛ in bleed on every side, so a 6.25×4.25 in page
 * (landscape). The front is the pet's own photo, full bleed, resampled to 300 dpi at its printed size; the back
 * carries the message and the signature on the left and, on the right, the address block, which nothing else
 * enters. Everything but the photo stays inside the safe zone, ⅛ in inside the trim. The one typeface (Liberation
 * Sans, shipped inside PDFBox) is embedded, as print shops require, and covers Latin, Greek and Cyrillic text.
 */
public final class PostcardRenderer {

    public static final float POINTS_PER_INCH = 72f;
    public static final float PAGE_WIDTH = 6.25f * POINTS_PER_INCH;
    public static final float PAGE_HEIGHT = 4.25f * POINTS_PER_INCH;
    public static final float BLEED = 0.125f * POINTS_PER_INCH;
    public static final float SAFE_MARGIN = 0.125f * POINTS_PER_INCH;
    public static final int PRINT_DPI = 300;
    /** The front photo's pixels: 300 dpi across the whole page, bleed included. */
    public static final int PHOTO_WIDTH_PX = Math.round(6.25f * PRINT_DPI);
    public static final int PHOTO_HEIGHT_PX = Math.round(4.25f * PRINT_DPI);
    /** Where the address goes on the back; kept clear of everything else. */
    public static final PDRectangle ADDRESS_BLOCK = new PDRectangle(PAGE_WIDTH / 2 + 18, BLEED + SAFE_MARGIN + 27, 180, 110);

    private static final float SAFE = BLEED + SAFE_MARGIN;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** A slanted text matrix: the signature reads as handwriting-like oblique without a second font file. */
    private static final float OBLIQUE = 0.2f;
    private static final float COLUMN_WIDTH = PAGE_WIDTH / 2 - SAFE - 12;

    /** What goes on one card. {@code photo} is null when the pet has none, or it could not be fetched. */
    public record Card(String recipientName, PostalAddress address, String message, String signature, String petName,
                       BufferedImage photo, String clinicName, String clinicAddress, Locale sender) {
    }

    /** How the photo prints: {@code sourceDpi} is the detail the original carries at the printed size. */
    public record PhotoPrint(int sourceWidthPx, int sourceHeightPx, int sourceDpi, int printedDpi) {
    }

    public record RenderedCard(byte[] pdf, PhotoPrint photo) {
    }

    private PostcardRenderer() {
    }

    public static RenderedCard render(Card card) {
        try (PDDocument document = new PDDocument()) {
            PhotoPrint photo = front(document, card);
            back(document, card);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new RenderedCard(out.toByteArray(), photo);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out a postcard", e);
        }
    }

    private static PDPage page(PDDocument document) {
        PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
        page.setBleedBox(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
        page.setTrimBox(new PDRectangle(BLEED, BLEED, PAGE_WIDTH - 2 * BLEED, PAGE_HEIGHT - 2 * BLEED));
        document.addPage(page);
        return page;
    }

    private static PhotoPrint front(PDDocument document, Card card) throws IOException {
        PDPage page = page(document);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            if (card.photo() != null) {
                BufferedImage source = card.photo();
                BufferedImage printed = coverCrop(source);
                PDImageXObject image = JPEGFactory.createFromImage(document, printed, 0.92f, PRINT_DPI);
                content.drawImage(image, 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
                int cropWidth = cropWidth(source);
                return new PhotoPrint(source.getWidth(), source.getHeight(), Math.round(cropWidth / 6.25f), PRINT_DPI);
            }
            content.setNonStrokingColor(new Color(0xF3, 0xEF, 0xE6));
            content.addRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
            content.fill();
            content.setNonStrokingColor(new Color(0x2F, 0x4F, 0x4F));
            String title = card.petName() == null ? card.clinicName() : card.petName();
            PDFont font = font(document);
            centred(content, font, 30, title, PAGE_HEIGHT / 2 + 6);
            centred(content, font, 11, card.clinicName(), PAGE_HEIGHT / 2 - 22);
            return null;
        }
    }

    private static void back(PDDocument document, Card card) throws IOException {
        PDPage page = page(document);
        PDFont regular = font(document);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.setNonStrokingColor(Color.BLACK);
            float top = PAGE_HEIGHT - SAFE - 8;
            text(content, regular, 8.5f, card.clinicName(), SAFE, top);
            text(content, regular, 7, card.clinicAddress(), SAFE, top - 10);

            float size = 10;
            List<String> lines = wrap(regular, size, card.message(), COLUMN_WIDTH);
            while (lines.size() * size * 1.3f > top - 40 - SAFE - 30 && size > 6.5f) {
                size -= 0.5f;
                lines = wrap(regular, size, card.message(), COLUMN_WIDTH);
            }
            float y = top - 34;
            for (String line : lines) {
                text(content, regular, size, line, SAFE, y);
                y -= size * 1.3f;
            }
            y -= size * 0.6f;
            for (String line : wrap(regular, 10.5f, card.signature(), COLUMN_WIDTH)) {
                text(content, regular, 10.5f, line, SAFE, y, OBLIQUE);
                y -= 13;
            }

            content.setStrokingColor(new Color(0x99, 0x99, 0x99));
            content.setLineWidth(0.5f);
            content.moveTo(PAGE_WIDTH / 2, SAFE + 10);
            content.lineTo(PAGE_WIDTH / 2, PAGE_HEIGHT - SAFE - 10);
            content.stroke();

            float lineY = ADDRESS_BLOCK.getUpperRightY() - 14;
            for (String line : AddressFormat.lines(card.recipientName(), card.address(), card.sender())) {
                text(content, regular, 10.5f, line, ADDRESS_BLOCK.getLowerLeftX(), lineY);
                lineY -= 14;
            }
        }
    }

    private static int cropWidth(BufferedImage source) {
        float aspect = PAGE_WIDTH / PAGE_HEIGHT;
        return source.getWidth() / (float) source.getHeight() > aspect
                ? Math.round(source.getHeight() * aspect)
                : source.getWidth();
    }

    /** The largest centred crop with the card's proportions, resampled to 300 dpi at the printed size. */
    private static BufferedImage coverCrop(BufferedImage source) {
        float aspect = PAGE_WIDTH / PAGE_HEIGHT;
        int cropWidth = cropWidth(source);
        int cropHeight = cropWidth == source.getWidth() ? Math.round(source.getWidth() / aspect) : source.getHeight();
        cropHeight = Math.min(cropHeight, source.getHeight());
        int x = (source.getWidth() - cropWidth) / 2;
        int y = (source.getHeight() - cropHeight) / 2;
        BufferedImage printed = new BufferedImage(PHOTO_WIDTH_PX, PHOTO_HEIGHT_PX, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = printed.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, 0, 0, PHOTO_WIDTH_PX, PHOTO_HEIGHT_PX, x, y, x + cropWidth, y + cropHeight, null);
        } finally {
            graphics.dispose();
        }
        return printed;
    }

    private static PDFont font(PDDocument document) throws IOException {
        try (InputStream in = PostcardRenderer.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("the embedded typeface " + FONT + " is missing from the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }

    private static void centred(PDPageContentStream content, PDFont font, float size, String text, float y) throws IOException {
        String safe = printable(font, text);
        float width = font.getStringWidth(safe) / 1000 * size;
        text(content, font, size, safe, (PAGE_WIDTH - width) / 2, y);
    }

    private static void text(PDPageContentStream content, PDFont font, float size, String text, float x, float y) throws IOException {
        text(content, font, size, text, x, y, 0);
    }

    private static void text(PDPageContentStream content, PDFont font, float size, String text, float x, float y,
                             float slant) throws IOException {
        if (text == null || text.isBlank()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.setTextMatrix(new Matrix(1, 0, slant, 1, x, y));
        content.showText(printable(font, text));
        content.endText();
    }

    /** Paragraphs kept, words wrapped to the width. */
    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String paragraph : text.strip().split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(printable(font, candidate)) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A character the typeface lacks prints as '?' rather than failing the card. */
    private static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (Character.isWhitespace(cp)) {
                out.append(' ');
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
