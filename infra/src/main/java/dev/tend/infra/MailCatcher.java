package dev.tend.infra;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * An SMTP server on 127.0.0.1 that accepts every mail (any credentials, any recipient) and keeps it for tests to
 * read. Mail caught before a {@link #stop()} is still listed after {@link #restart()}, as a real provider's outbox
 * would still hold it. It also serves IMAP, with one mailbox, {@link #REPLY_MAILBOX}: where replies to Tend's
 * emails arrive for notification-service to read.
 */
public final class MailCatcher implements AutoCloseable {

    /** The reply mailbox's address; its IMAP login and password are {@link #REPLY_LOGIN} and {@link #REPLY_PASSWORD}. */
    public static final String REPLY_MAILBOX = "replies@reply.tend.local";
    public static final String REPLY_LOGIN = "replies";
    public static final String REPLY_PASSWORD = "replies";
    /** The domain of the per-message Reply-To addresses ({@code reply+<token>@reply.tend.local}). */
    public static final String REPLY_DOMAIN = "reply.tend.local";

    private static final String HOST = "127.0.0.1";

    private final int smtpPort;
    private final int imapPort;
    private final String bindAddress;
    private final List<CaughtMail> caughtBeforeRestart = new ArrayList<>();
    private GreenMail greenMail;

    private MailCatcher(int smtpPort, int imapPort, String bindAddress) {
        this.bindAddress = bindAddress;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Starts catching mail on {@code smtpPort}, and IMAP on a free port; 0 picks a free port. */
    public static MailCatcher start(int smtpPort) {
        return start(smtpPort, 0);
    }

    /** Starts catching mail on {@code smtpPort} and serving the reply mailbox on {@code imapPort}; 0 picks a free port. */
    public static MailCatcher start(int smtpPort, int imapPort) {
        return start(smtpPort, imapPort, HOST);
    }

    /**
     * As {@link #start(int, int)}, listening on {@code bindAddress}: {@code 0.0.0.0} where other containers send to it
     * (docker compose's stand-ins), 127.0.0.1 everywhere else.
     */
    public static MailCatcher start(int smtpPort, int imapPort, String bindAddress) {
        MailCatcher catcher = new MailCatcher(smtpPort == 0 ? FreePorts.pick() : smtpPort,
                imapPort == 0 ? FreePorts.pick() : imapPort, bindAddress);
        catcher.launch();
        return catcher;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /**
     * Puts a raw RFC 5322 message into the reply mailbox over SMTP, as a mail system does with a reply to a
     * {@code reply+<token>@} address (the envelope names the mailbox; the message's own headers are left as written).
     */
    public void deliverToReplyMailbox(byte[] rawMessage) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", HOST);
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(rawMessage)) {
                @Override
                protected void updateMessageID() {
                    // keep the message's own Message-ID
                }
            };
            Transport.send(message, new Address[]{new InternetAddress(REPLY_MAILBOX)});
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not deliver to the reply mailbox", e);
        }
    }

    /**
     * Every mail caught so far, oldest first; a mail sent to several recipients is listed once. What arrived in the
     * reply mailbox is not listed: it was not delivered to anyone.
     */
    public synchronized List<CaughtMail> messages() {
        Map<String, CaughtMail> byId = new LinkedHashMap<>();
        caughtBeforeRestart.forEach(mail -> byId.putIfAbsent(key(mail), mail));
        current().forEach(mail -> byId.putIfAbsent(key(mail), mail));
        List<CaughtMail> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(CaughtMail::receivedAt));
        return List.copyOf(all);
    }

    /**
     * Every delivery caught so far, one per recipient mailbox and SMTP transaction, without merging mails that share
     * a Message-ID: a resend of the same mail is listed twice, so fault tests can count duplicate deliveries that
     * {@link #messages()} would fold into one.
     */
    public synchronized List<CaughtMail> deliveries() {
        List<CaughtMail> all = new ArrayList<>(caughtBeforeRestart);
        all.addAll(current());
        all.sort(Comparator.comparing(CaughtMail::receivedAt));
        return List.copyOf(all);
    }

    public synchronized void stop() {
        if (greenMail != null) {
            // Stop accepting first, then keep what was caught: a mail accepted between the two would otherwise be
            // answered 250 yet vanish from the catcher. stop() swaps in empty managers, so hold on to the old ones.
            Managers managers = greenMail.getManagers();
            greenMail.stop();
            caughtBeforeRestart.addAll(caught(managers));
            greenMail = null;
        }
    }

    /** Starts catching again on the same port; stops first if still running. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, bindAddress, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, bindAddress, ServerSetup.PROTOCOL_IMAP)});
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        server.setUser(REPLY_MAILBOX, REPLY_LOGIN, REPLY_PASSWORD);
        greenMail = server;
    }

    private List<CaughtMail> current() {
        return greenMail == null ? List.of() : caught(greenMail.getManagers());
    }

    /**
     * What was delivered to people: every mailbox but the reply mailbox, which holds what comes back to Tend (replies,
     * and the copy of each email that proves it was sent), read and emptied by notification-service.
     */
    private static List<CaughtMail> caught(Managers managers) {
        Set<StoredMessage> comeBack = Collections.newSetFromMap(new IdentityHashMap<>());
        GreenMailUser replies = managers.getUserManager().getUser(REPLY_LOGIN);
        if (replies != null) {
            try {
                comeBack.addAll(managers.getImapHostManager().getInbox(replies).getMessages());
            } catch (FolderException e) {
                throw new IllegalStateException("Could not read the reply mailbox", e);
            }
        }
        return managers.getImapHostManager().getAllMessages().stream()
                .filter(stored -> !comeBack.contains(stored))
                .map(MailCatcher::toCaughtMail)
                .toList();
    }

    // GreenMail stores one copy per recipient mailbox; the Message-ID tells the copies apart from distinct mails.
    private static String key(CaughtMail mail) {
        return mail.messageId() != null
                ? mail.messageId()
                : String.join("|", String.valueOf(mail.from()), String.valueOf(mail.subject()),
                        String.valueOf(mail.receivedAt()), String.valueOf(mail.to()));
    }

    private static CaughtMail toCaughtMail(StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        try {
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new CaughtMail(
                    message.getMessageID(),
                    firstAddress(message.getFrom()),
                    addresses(message.getRecipients(MimeMessage.RecipientType.TO)),
                    message.getSubject(),
                    bodies.text,
                    bodies.html,
                    headers(message),
                    stored.getReceivedDate() != null ? stored.getReceivedDate().toInstant() : Instant.now());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read a caught mail", e);
        }
    }

    private static String firstAddress(Address[] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses)
                .map(address -> address instanceof InternetAddress internet
                        ? internet.getAddress()
                        : address.toString())
                .toList();
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(headers);
    }

    /** The first text/plain and text/html parts that are not attachments, wherever they sit in the MIME tree. */
    private static final class Bodies {
        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                if (text == null && part.isMimeType("text/plain")) {
                    text = part.getContent().toString();
                } else if (html == null && part.isMimeType("text/html")) {
                    html = part.getContent().toString();
                }
            }
        }
    }
}
