package dev.tend.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.contracts.Events;
import dev.tend.infra.CaughtMail;
import dev.tend.infra.SentSms;
import dev.tend.infra.TendSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What actually reached the outside world, counted per recipient: every SMTP delivery at the catcher (resends of
 * one Message-ID included), every SMS the stand-in accepted, every card in a released print job's manifest. A
 * count above one is a duplicate the recipient would see.
 */
final class Deliveries {

    /** Deliveries per channel, keyed by what is unique to one visit's household: address, phone, customer id. */
    record Snapshot(Map<String, Integer> emails, Map<String, Integer> sms, Map<String, Integer> postcards,
                    Map<String, Integer> emailMessageIds) {

        int emailsTo(String address) {
            return emails.getOrDefault(address, 0);
        }

        int smsTo(String phone) {
            return sms.getOrDefault(phone, 0);
        }

        int postcardsFor(String customerId) {
            return customerId == null ? 0 : postcards.getOrDefault(customerId, 0);
        }
    }

    private final TendSystem system;

    Deliveries(TendSystem system) {
        this.system = system;
    }

    Snapshot snapshot() {
        Map<String, Integer> emails = new HashMap<>();
        Map<String, Integer> messageIds = new HashMap<>();
        for (CaughtMail mail : system.mailCatcher().deliveries()) {
            for (String to : mail.to()) {
                emails.merge(to, 1, Integer::sum);
            }
            if (mail.messageId() != null) {
                messageIds.merge(mail.messageId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> sms = new HashMap<>();
        for (SentSms message : system.smsStandIn().messages()) {
            sms.merge(message.to(), 1, Integer::sum);
        }
        return new Snapshot(emails, sms, postcards(), messageIds);
    }

    /** Cards per customer in every job folder the print shop can see (hidden {@code .partial} folders are not). */
    private Map<String, Integer> postcards() {
        Map<String, Integer> cards = new HashMap<>();
        List<Path> jobs;
        try (Stream<Path> folders = Files.list(system.printFolder())) {
            jobs = folders.filter(f -> f.getFileName().toString().startsWith("job-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path job : jobs) {
            JsonNode manifest;
            try {
                manifest = Events.mapper().readTree(Files.readString(job.resolve("manifest.json")));
            } catch (NoSuchFileException e) {
                continue; // replaced by a rebuild of the same job at this moment
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode piece : manifest.path("pieces")) {
                cards.merge(piece.path("customerId").asText(), 1, Integer::sum);
            }
        }
        return cards;
    }
}
