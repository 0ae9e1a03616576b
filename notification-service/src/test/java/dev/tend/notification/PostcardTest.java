package dev.tend.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.ADDRESS;
import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static dev.tend.notification.Fixtures.statuses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@NotificationServiceTestResource
class PostcardTest {

    private static final float POINTS_PER_INCH = 72f;
    private static HttpServer photoServer;

    @BeforeAll
    static void servePetPhotos() throws IOException {
        BufferedImage photo = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = photo.createGraphics();
        graphics.setColor(new Color(0xC8, 0x8A, 0x3C));
        graphics.fillRect(0, 0, 800, 600);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        photoServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        photoServer.createContext("/photos/biscuit.jpg", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        photoServer.start();
    }

    @AfterAll
    static void stopPhotoServer() {
        photoServer.stop(0);
    }

    private static String photoUrl() {
        return "http://127.0.0.1:" + photoServer.getAddress().getPort() + "/photos/biscuit.jpg";
    }

    private static EventEnvelope recheckPostcard(UUID customerId, PostalAddress address) {
        return request(customerId, Channel.POST, "recheck-postcard",
                new Recipient("Mia Wong", null, null, address, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "petName", "Biscuit", "recheckDate", "2027-04-11",
                        "staffMember", "Dr. Sam Ortiz", "petPhotoUrl", photoUrl()));
    }

    private static UUID printJobOf(EventEnvelope request) {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/notifications/" + notificationId(request))
                .then().statusCode(200).body("status", equalTo("PENDING")));
        given().when().post("/print-jobs").then().statusCode(201);
        String job = given().when().get("/notifications/" + notificationId(request))
                .then().statusCode(200).body("status", equalTo("PRINTING")).extract().path("printJobId");
        return UUID.fromString(job);
    }

    @Test
    void shouldPrintTheCardWithThePetsPhotoAndReleaseItToTheHotFolderOnceApproved() throws IOException {
        UUID customerId = household(null, null, Channel.POST);
        EventEnvelope request = recheckPostcard(customerId, ADDRESS);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);
        UUID job = printJobOf(request);

        given().when().get("/print-jobs/" + job).then().statusCode(200).body("status", equalTo("AWAITING_APPROVAL"));
        JsonNode manifest = Events.mapper().readTree(
                given().when().get("/print-jobs/" + job + "/manifest").then().statusCode(200).extract().asString());
        JsonNode piece = null;
        for (JsonNode candidate : manifest.path("pieces")) {
            if (candidate.path("notificationId").asText().equals(notificationId(request).toString())) {
                piece = candidate;
            }
        }
        assertNotNull(piece, manifest.toString());
        assertEquals("BS1 4DJ", piece.path("address").path("postalCode").asText());
        assertEquals(128, piece.path("photo").path("sourceDpi").asInt(), piece.toString());
        assertEquals(300, piece.path("photo").path("printedDpi").asInt(), piece.toString());

        byte[] pdf = given().when().get("/print-jobs/" + job + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(manifest.path("pieceCount").asInt() * 2, document.getNumberOfPages());
            PDPage front = document.getPage(piece.path("frontPage").asInt() - 1);
            assertEquals(6.25f, front.getMediaBox().getWidth() / POINTS_PER_INCH, 0.001f);
            assertEquals(4.25f, front.getMediaBox().getHeight() / POINTS_PER_INCH, 0.001f);
            assertEquals(6.0f, front.getTrimBox().getWidth() / POINTS_PER_INCH, 0.001f);
            assertEquals(4.0f, front.getTrimBox().getHeight() / POINTS_PER_INCH, 0.001f);
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : front.getResources().getXObjectNames()) {
                if (front.getResources().getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertEquals(1, images.size());
            assertTrue(images.get(0).getWidth() / 6.25f >= 300, "photo width " + images.get(0).getWidth());
            assertTrue(images.get(0).getHeight() / 4.25f >= 300, "photo height " + images.get(0).getHeight());
            Color middle = new Color(images.get(0).getImage().getRGB(images.get(0).getWidth() / 2, images.get(0).getHeight() / 2));
            assertTrue(Math.abs(middle.getRed() - 0xC8) < 12 && Math.abs(middle.getBlue() - 0x3C) < 12, middle.toString());

            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(piece.path("backPage").asInt());
            stripper.setEndPage(piece.path("backPage").asInt());
            String back = stripper.getText(document).replaceAll("\\s+", " ");
            PDPage backPage = document.getPage(piece.path("backPage").asInt() - 1);
            for (COSName name : backPage.getResources().getFontNames()) {
                assertTrue(backPage.getResources().getFont(name).isEmbedded(), "print shops need every font embedded");
            }
            assertTrue(back.contains("Biscuit is due back to see us for a recheck on Sunday 11 April"), back);
            assertTrue(back.contains("Dr. Sam Ortiz"), back);
            assertTrue(back.contains("12 Elm Road") && back.contains("BRISTOL") && back.contains("BS1 4DJ"), back);
            assertFalse(back.contains("UNITED KINGDOM"), "domestic mail carries no country line: " + back);
        }

        Path hotFolder = Path.of("target/print-hot-folder/job-" + job);
        assertFalse(Files.exists(hotFolder), "a job waiting for approval must not reach the print shop");
        given().when().post("/print-jobs/" + job + "/approve").then().statusCode(200).body("status", equalTo("RELEASED"));
        assertTrue(Files.size(hotFolder.resolve("postcards.pdf")) > 0);
        assertTrue(Files.readString(hotFolder.resolve("manifest.json")).contains(notificationId(request).toString()));
        given().when().post("/print-jobs/" + job + "/approve").then().statusCode(409);

        assertEquals("SENT", statuses(customerId, 1).get(0).data().path("status").asText());
        given().when().get("/notifications/" + notificationId(request) + "/card.pdf").then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void shouldNameEveryPetOnACardMergedForSeveralPets() {
        UUID customerId = household(null, null, Channel.POST);
        EventEnvelope merged = request(customerId, Channel.POST, "recheck-postcard",
                new Recipient("Mia Wong", null, null, ADDRESS, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "petName", "Biscuit", "petNames", "Biscuit, Pepper",
                        "recheckDate", "2027-04-11", "petPhotoUrl", photoUrl()));
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, merged);

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/notifications/" + notificationId(merged) + "/content")
                .then().statusCode(200)
                // One visit's recheck date is not the other pet's: the card names both and no date.
                .body("text", containsString("Biscuit and Pepper are due back to see us for their rechecks."))
                .body("text", not(containsString("11 April"))));
    }

    @Test
    void shouldNotPrintACardWithoutACompleteAddressAndSayWhy() {
        UUID customerId = household(null, null, Channel.POST);
        PostalAddress noPostcode = new PostalAddress("12 Elm Road", null, "Bristol", null, null, "GB");
        EventEnvelope request = recheckPostcard(customerId, noPostcode);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request);

        EventEnvelope status = statuses(customerId, 1).get(0);
        assertEquals("FAILED", status.data().path("status").asText());
        assertTrue(status.data().path("permanent").asBoolean());
        assertEquals("incomplete postal address, not printed: missing postalCode", status.data().path("reason").asText());
        given().when().get("/notifications/" + notificationId(request)).then().body("printJobId", equalTo(null));
    }
}
