package dev.tend.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders a page of a print job's PDF (one side of one card) as a PNG thumbnail for proofing. */
@ApplicationScoped
public class PostcardThumbnails {

    /** Enough to read the text and judge the photo on screen; the print PDF itself is 300 dpi. */
    private static final float DPI = 72;

    public int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("The print job's PDF could not be read", e);
        }
    }

    /** The PNG of page {@code index} (0-based), or null when the PDF has no such page. */
    public byte[] page(byte[] pdf, int index) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (index < 0 || index >= document.getNumberOfPages()) {
                return null;
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(index, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The print job's PDF could not be rendered", e);
        }
    }
}
