package dev.tend.customer.service;

import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Accepts a photo only when it is what it claims to be: a JPEG or PNG by its first bytes (not just its
 * Content-Type), that decodes, within the size limit. A postcard printed from a broken file is worse than none.
 */
@ApplicationScoped
public class PhotoCheck {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** @return the verified content type */
    public String verify(String declaredType, byte[] data, int maxBytes) {
        if (data == null || data.length == 0) {
            throw ProblemException.invalid("photo", "the photo is empty");
        }
        if (data.length > maxBytes) {
            throw new ProblemException(413, "Photo too large",
                    "the photo is " + data.length + " bytes; at most " + maxBytes + " are accepted", "photo");
        }
        String actual = startsWith(data, JPEG) ? "image/jpeg" : startsWith(data, PNG) ? "image/png" : null;
        if (actual == null) {
            throw new ProblemException(415, "Unsupported photo type", "the photo must be a JPEG or PNG image", "photo");
        }
        if (declaredType != null && !declaredType.startsWith(actual)) {
            throw new ProblemException(415, "Unsupported photo type",
                    "the body is " + actual + " but was sent as " + declaredType, "Content-Type");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            if (image == null || image.getWidth() < 1) {
                throw ProblemException.invalid("photo", "the image cannot be decoded");
            }
        } catch (IOException e) {
            throw ProblemException.invalid("photo", "the image cannot be decoded: " + e.getMessage());
        }
        return actual;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }
}
