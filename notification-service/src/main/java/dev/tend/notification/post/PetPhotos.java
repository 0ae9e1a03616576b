package dev.tend.notification.post;

import dev.tend.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/** Fetches a pet's photo over HTTP(S) when its card is printed. */
@ApplicationScoped
public class PetPhotos {

    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private final NotificationConfig config;
    private final HttpClient http;

    public PetPhotos(NotificationConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.print().photoTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @throws IOException with a reason fit for the manifest when the photo cannot be had */
    public BufferedImage fetch(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http(s) photo URLs are fetched, not " + url);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(config.print().photoTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url);
        }
        if (response.statusCode() != 200) {
            throw new IOException("photo " + url + " answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_BYTES) {
            throw new IOException("photo " + url + " is larger than " + MAX_BYTES + " bytes");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        if (image == null) {
            throw new IOException("photo " + url + " is not a JPEG or PNG image");
        }
        return image;
    }
}
