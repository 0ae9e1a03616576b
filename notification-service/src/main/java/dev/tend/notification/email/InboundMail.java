package dev.tend.notification.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One raw RFC 5322 message read with Jakarta Mail: who sent it, the addresses it was sent to (where our signed
 * Reply-To token is), its text (the plain part, else the HTML part made text; decoded from its charset), its
 * files, and whether it is an automatic answer (RFC 3834) or a delivery status notification (RFC 3464).
 */
public record InboundMail(String messageId, String from, List<String> recipients, List<String> replyTo, String subject,
                          String text, List<File> files, Optional<String> autoReply, Optional<Bounce> bounce) {

    /** An attached file, as sent. */
    public record File(String fileName, String contentType, byte[] content) {
    }

    /**
     * What a delivery status notification reports: the original message's Message-ID, the recipient that failed,
     * the RFC 3464 {@code Action} and {@code Status}, and the remote server's words.
     */
    public record Bounce(String originalMessageId, String recipient, String action, String status, String diagnostic) {

        /** Action failed with a 5.x.x status: the address will never take mail. */
        public boolean permanent() {
            return "failed".equalsIgnoreCase(action) && status != null && status.startsWith("5");
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern OUT_OF_OFFICE = Pattern.compile(
            "^(auto:|automatic reply|autoreply|auto-reply|out of (the )?office|resposta autom[aá]tica|ausente|"
                    + "fora do escrit[oó]rio|respuesta autom[aá]tica|fuera de la oficina|ausencia)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern FIELD = Pattern.compile("(?im)^([A-Za-z-]+):\\s*(.*)$");

    public static InboundMail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String messageId = Optional.ofNullable(message.getMessageID()).map(String::strip)
                    .orElseGet(() -> "<sha256-" + sha256(raw) + "@tend.inbound>");
            String from = null;
            try {
                var addresses = message.getFrom();
                if (addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress address) {
                    from = address.getAddress();
                }
            } catch (MessagingException e) {
                from = header(message, "From");
            }
            List<String> recipients = new ArrayList<>();
            for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
                String[] values = message.getHeader(name);
                if (values != null) {
                    recipients.addAll(List.of(values));
                }
            }
            List<String> replyTo = new ArrayList<>();
            String[] replyToValues = message.getHeader("Reply-To");
            if (replyToValues != null) {
                replyTo.addAll(List.of(replyToValues));
            }
            Parts parts = new Parts();
            parts.walk(message);
            String text = parts.text != null ? parts.text : QuotedText.fromHtml(parts.html);
            return new InboundMail(messageId, from, recipients, replyTo, message.getSubject(), text, parts.files,
                    autoReply(message), parts.bounce());
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("not a readable RFC 5322 message: " + e.getMessage(), e);
        }
    }

    private static Optional<String> autoReply(MimeMessage message) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond")) {
            if (header(message, name) != null) {
                return Optional.of(name + " header");
            }
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("auto_reply|bulk|junk|list")) {
            return Optional.of("Precedence: " + precedence.strip());
        }
        String subject = message.getSubject();
        if (subject != null && OUT_OF_OFFICE.matcher(subject.strip()).find()) {
            return Optional.of("out-of-office subject");
        }
        return Optional.empty();
    }

    private static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks the MIME tree once, taking the first plain and HTML bodies, the files, and any delivery report. */
    private static final class Parts {
        private String text;
        private String html;
        private final List<File> files = new ArrayList<>();
        private boolean report;
        private String deliveryStatus;
        private String originalMessageId;

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/report")) {
                String type = new ContentType(part.getContentType()).getParameter("report-type");
                report = "delivery-status".equalsIgnoreCase(type);
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
                return;
            }
            if (report && (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status"))) {
                deliveryStatus = read(part.getInputStream(), StandardCharsets.UTF_8);
                return;
            }
            if (report && (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers"))) {
                Matcher id = MESSAGE_ID.matcher(read(part.getInputStream(), StandardCharsets.UTF_8));
                if (id.find()) {
                    originalMessageId = id.group(1);
                }
                return;
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = decode(part);
            } else if (!attachment && part.isMimeType("text/html") && html == null) {
                html = decode(part);
            } else if (attachment || !part.isMimeType("text/*")) {
                String name = part.getFileName();
                if (name != null) {
                    name = MimeUtility.decodeText(name);
                }
                files.add(new File(name, new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT),
                        part.getInputStream().readAllBytes()));
            }
        }

        Optional<Bounce> bounce() {
            if (!report || deliveryStatus == null) {
                return Optional.empty();
            }
            String recipient = null;
            String action = null;
            String status = null;
            String diagnostic = null;
            Matcher field = FIELD.matcher(deliveryStatus);
            while (field.find()) {
                String value = field.group(2).strip();
                switch (field.group(1).toLowerCase(Locale.ROOT)) {
                    case "final-recipient", "original-recipient" -> {
                        if (recipient == null) {
                            recipient = value.replaceFirst("(?i)^rfc822\\s*;\\s*", "");
                        }
                    }
                    case "action" -> action = action == null || !"failed".equalsIgnoreCase(action) ? value : action;
                    case "status" -> status = status == null || !status.startsWith("5") ? value : status;
                    case "diagnostic-code" -> diagnostic = value.replaceFirst("(?i)^smtp\\s*;\\s*", "");
                    default -> {
                    }
                }
            }
            return Optional.of(new Bounce(originalMessageId, recipient, action, status, diagnostic));
        }

        /** A text part in its declared charset; an unknown or wrong charset falls back to UTF-8 rather than failing. */
        private static String decode(Part part) throws MessagingException, IOException {
            try {
                Object content = part.getContent();
                if (content instanceof String string) {
                    return string;
                }
            } catch (IOException e) {
                // an unsupported charset name: read the bytes ourselves
            }
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            Charset decoded = StandardCharsets.UTF_8;
            try {
                if (charset != null) {
                    decoded = Charset.forName(MimeUtility.javaCharset(charset));
                }
            } catch (IllegalArgumentException e) {
                decoded = StandardCharsets.UTF_8;
            }
            return read(part.getInputStream(), decoded);
        }

        private static String read(InputStream in, Charset charset) throws IOException {
            try (in) {
                return new String(in.readAllBytes(), charset);
            }
        }
    }
}
