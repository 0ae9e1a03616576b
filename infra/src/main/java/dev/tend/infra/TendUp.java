package dev.tend.infra;

import com.sun.net.httpserver.HttpServer;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./tend up}: starts the whole system on the documented ports, keeps PostgreSQL's and Kafka's data
 * in {@code .tend/} across runs, shows caught mail and SMS at http://localhost:8025, and stops everything
 * on Ctrl-C.
 */
public final class TendUp {

    private static final int INBOX_PORT = Inbox.PORT;

    private TendUp() {
    }

    public static void main(String[] args) throws Exception {
        Path projectRoot = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path dataDir = projectRoot.resolve(".tend");
        System.out.println("Starting PostgreSQL, Kafka, the mail catcher, the SMS stand-in, the three services and the staff console...");
        TendSystem system = TendSystem.start(TendSystem.Options.forLocalRun(projectRoot, dataDir));
        HttpServer inbox = inbox(system);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Tend...");
            inbox.stop(0);
            system.close();
            stopped.countDown();
        }, "tend-up-shutdown"));
        printWhereThingsAre(system, dataDir);
        stopped.await();
    }

    private static HttpServer inbox(TendSystem system) {
        String webhook = system.notificationService().baseUrl() + "/webhooks/twilio/inbound";
        return Inbox.start("127.0.0.1", INBOX_PORT, system.mailCatcher(), system.smsStandIn(), webhook, webhook);
    }

    private static void printWhereThingsAre(TendSystem system, Path dataDir) {
        System.out.printf("""

                Tend is up.

                  staff console         %14$s     sign in as %15$s, password %16$s

                  customer-service      %1$s     Swagger UI %1$s/q/swagger-ui
                  followup-service      %2$s     Swagger UI %2$s/q/swagger-ui
                  notification-service  %3$s     Swagger UI %3$s/q/swagger-ui
                  health                <service>/q/health/ready, <service>/q/health/live
                  metrics               <service>/q/metrics

                  caught mail           http://localhost:%4$d/mail   (SMTP on localhost:%5$d)
                  reply mailbox         imap://localhost:%12$d  (user %13$s, password %13$s), read by notification-service
                  sent SMS              http://localhost:%4$d/sms    (provider stand-in at %6$s)
                  text the clinic       curl localhost:%4$d/sms/inbound -d from=+447700900123 -d body=Hello
                  postcard print jobs   %7$s
                  PostgreSQL            %8$s (user postgres)
                  Kafka                 %9$s
                  service logs          %10$s

                A token with every role (integration, staff, admin), valid 30 days, for trying the APIs:
                  export TOKEN=%11$s
                  curl -H "Authorization: Bearer $TOKEN" %1$s/customers

                Press Ctrl-C to stop everything.
                """,
                system.customerService().baseUrl(), system.followupService().baseUrl(),
                system.notificationService().baseUrl(), INBOX_PORT, system.mailCatcher().smtpPort(),
                system.smsStandIn().baseUrl(), system.printFolder(), system.postgres().jdbcUrl("<service>"),
                system.kafka().bootstrapServers(), dataDir.resolve("logs"), DevTokens.allRoles(),
                system.mailCatcher().imapPort(), MailCatcher.REPLY_LOGIN,
                system.console().baseUrl(), TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
    }
}
