package dev.tend.systemtests;

import dev.tend.infra.CaughtMail;
import dev.tend.infra.PrintFolder;
import dev.tend.infra.PrintFolder.PrintedPiece;
import dev.tend.infra.SentSms;
import dev.tend.infra.TendSystem;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.core.ConditionFactory;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the journeys do to the running {@link JourneySystem}, in the words of the people involved: the practice
 * system registers households and records visits, staff work the worklist, customers answer, and what reaches a
 * household is read where it lands (the SMTP catcher, the SMS stand-in, the print folder).
 */
final class Journey {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Map<String, String> ADDRESS = Map.of("line1", "12 Orchard Lane", "city", "Bristol",
            "postalCode", "BS1 4DJ", "country", "GB");

    /** A household as registered: its id and where it is reached. */
    record Household(String id, String email, String phone) {
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final TendSystem system;

    Journey(TendSystem system) {
        this.system = system;
    }

    TendSystem system() {
        return system;
    }

    /** Slow, shared machines: steps seconds apart may take tens of seconds to show. */
    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500));
    }

    static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    // --- the practice system (customer-service, role integration) ---

    Household household(String name, String phone, List<String> consented, List<String> preferred) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "emails", List.of(email), "phones", List.of(phone),
                "postalAddress", ADDRESS, "timezone", LONDON.getId(), "locale", "en-GB",
                "consents", consented.stream().map(channel -> Map.of("channel", channel, "granted", true)).toList()));
        body.put("preferredChannels", preferred);
        String id = customers().contentType(ContentType.JSON).body(body)
                .when().post("/customers").then().statusCode(201).extract().path("id");
        String normalised = customers().when().get("/customers/" + id).then().statusCode(200).extract().path("phones[0]");
        return new Household(id, email, normalised);
    }

    String pet(Household household, String name, String species, LocalDate birthDate) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", household.id(), "name", name, "species", species));
        if (birthDate != null) {
            body.put("birthDate", birthDate.toString());
        }
        return customers().contentType(ContentType.JSON).body(body)
                .when().post("/pets").then().statusCode(201).extract().path("id");
    }

    /** Uploads a JPEG photo of the pet; returns the photo's URL as published. */
    String photo(String petId, Color colour) {
        return customers().contentType("image/jpeg").body(jpeg(colour))
                .when().put("/pets/" + petId + "/photo").then().statusCode(200).extract().path("photoUrl");
    }

    String visit(Household household, String petId, String type, String reason, LocalDate recheckDate) {
        return visit(household, petId, type, reason, recheckDate, OffsetDateTime.now(ZoneOffset.UTC));
    }

    String visit(Household household, String petId, String type, String reason, LocalDate recheckDate,
                 OffsetDateTime visitedAt) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", household.id(), "visitType", type,
                "reason", reason, "staffMember", "Dr. Maya Patel", "visitedAt", visitedAt.toString()));
        if (petId != null) {
            body.put("petId", petId);
        }
        if (recheckDate != null) {
            body.put("recheckDate", recheckDate.toString());
        }
        return customers().contentType(ContentType.JSON).body(body)
                .when().post("/visits").then().statusCode(201).extract().path("id");
    }

    void died(String petId, LocalDate diedOn) {
        customers().contentType(ContentType.JSON).body(Map.of("diedOn", diedOn.toString()))
                .when().post("/pets/" + petId + "/death").then().statusCode(200);
    }

    /** The household's consent to {@code channel} as customer-service holds it; null when it has none on record. */
    Boolean consent(Household household, String channel) {
        List<Map<String, Object>> consents = customers().when().get("/customers/" + household.id() + "/consents")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return consents.stream().filter(c -> channel.equals(c.get("channel"))).findFirst()
                .map(c -> (Boolean) c.get("granted")).orElse(null);
    }

    // --- followup-service (staff) ---

    List<Map<String, Object>> tasks(Household household) {
        return followup().when().get("/customers/" + household.id() + "/tasks")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    List<Map<String, Object>> tasks(Household household, String rule) {
        return tasks(household).stream().filter(t -> rule.equals(t.get("rule"))).toList();
    }

    List<Map<String, Object>> timeline(Household household) {
        return followup().when().get("/customers/" + household.id() + "/timeline")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Today's worklist calls about this household. */
    List<Map<String, Object>> worklist(Household household) {
        List<Map<String, Object>> calls = followup().when().get("/worklist")
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> theirs = new ArrayList<>();
        for (Map<String, Object> call : calls) {
            @SuppressWarnings("unchecked")
            Map<String, Object> of = (Map<String, Object>) call.get("household");
            if (of != null && household.id().equals(of.get("customerId"))) {
                theirs.add(call);
            }
        }
        return theirs;
    }

    Map<String, Object> complete(Object taskId, String outcome, String note) {
        return followup().contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "note", note, "completedBy", "Sam at the front desk"))
                .when().post("/worklist/" + taskId + "/complete").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    void feedback(Household household, Object taskId, int rating, String comment) {
        followup().contentType(ContentType.JSON).body(Map.of("taskId", taskId, "rating", rating, "comment", comment))
                .when().post("/customers/" + household.id() + "/feedback").then().statusCode(201);
    }

    // --- notification-service (staff) ---

    /** Staff answer the household; by default on the channel they last wrote on. Returns the notification. */
    Map<String, Object> answer(Household household, String body) {
        return given().baseUri(system.notificationService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES)
                .contentType(ContentType.JSON).body(Map.of("body", body))
                .when().post("/customers/" + household.id() + "/messages").then().statusCode(201).extract().jsonPath().getMap("$");
    }

    // --- what reaches the household ---

    List<CaughtMail> mailTo(Household household) {
        return system.mailCatcher().messages().stream().filter(m -> m.to().contains(household.email())).toList();
    }

    List<SentSms> textsTo(Household household) {
        return system.smsStandIn().messages().stream().filter(m -> household.phone().equals(m.to())).toList();
    }

    List<PrintedPiece> printedFor(Household household) {
        return PrintFolder.pieces(system.printFolder()).stream().filter(p -> household.id().equals(p.customerId())).toList();
    }

    /** The customer texts the clinic's number; the provider passes it to notification-service's signed webhook. */
    void texts(Household household, String body) {
        int status = system.smsStandIn().textIn(system.notificationService().baseUrl() + "/webhooks/twilio/inbound",
                household.phone(), TendSystem.SMS_SENDER, body);
        if (status != 200) {
            throw new AssertionError("the inbound webhook answered " + status + " to " + body);
        }
    }

    // --- reading a printed card ---

    /** The images drawn on one page of a printed PDF. */
    static List<PDImageXObject> images(PrintedPiece piece, int page) {
        try (PDDocument pdf = Loader.loadPDF(piece.pdf().toFile())) {
            PDPage front = pdf.getPage(page - 1);
            PDResources resources = front.getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                PDXObject object = resources.getXObject(name);
                if (object instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(PrintedPiece piece, int page) {
        try (PDDocument pdf = Loader.loadPDF(piece.pdf().toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 1600×1100 photo-like JPEG (a gradient with a shape on it): a real image the service must decode and print. */
    static byte[] jpeg(Color colour) {
        BufferedImage image = new BufferedImage(1600, 1100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, colour, 1600, 1100, colour.darker().darker()));
        g.fillRect(0, 0, 1600, 1100);
        g.setColor(Color.WHITE);
        g.fillOval(500, 250, 600, 600);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private RequestSpecification customers() {
        return given().baseUri(system.customerService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES);
    }

    private RequestSpecification followup() {
        return given().baseUri(system.followupService().baseUrl()).header("Authorization", RunningSystem.ALL_ROLES);
    }
}
