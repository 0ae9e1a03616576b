package dev.tend.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * docker compose's {@code stand-ins} container: the mail catcher (SMTP and the IMAP reply mailbox), the SMS-provider
 * stand-in and the {@link Inbox}, on {@code ./tend up}'s ports, listening on every interface so the other containers
 * reach them by the container's name.
 */
public final class StandIns {

    private StandIns() {
    }

    public static void main(String[] args) throws InterruptedException {
        TendSystem.Options ports = TendSystem.Options.forLocalRun(Path.of("."), Path.of(".tend"));
        String notificationPublic = setting("TEND_NOTIFICATION_PUBLIC_BASE_URL", "http://localhost:" + ports.notificationPort());
        String notificationInternal = setting("TEND_NOTIFICATION_URL", "http://notification-service:" + ports.notificationPort());
        String webhook = "/webhooks/twilio/inbound";
        MailCatcher mail = MailCatcher.start(ports.smtpPort(), ports.imapPort(), "0.0.0.0");
        SmsStandIn sms = SmsStandIn.start(ports.smsPort(), "0.0.0.0");
        var inbox = Inbox.start("0.0.0.0", Inbox.PORT, mail, sms, notificationPublic + webhook, notificationInternal + webhook);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            inbox.stop(0);
            sms.close();
            mail.close();
            stopped.countDown();
        }, "stand-ins-shutdown"));
        System.out.printf("Stand-ins up: SMTP %d, IMAP %d, SMS provider %d, inbox http://localhost:%d/mail and /sms%n",
                ports.smtpPort(), ports.imapPort(), ports.smsPort(), Inbox.PORT);
        stopped.await();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
