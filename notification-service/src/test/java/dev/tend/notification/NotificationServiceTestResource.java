package dev.tend.notification;

import dev.tend.testsupport.MailCatcherResource;
import dev.tend.testsupport.TendServiceResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test against the shared real PostgreSQL (database {@code notification}), Kafka, SMTP catcher (and its IMAP
 * reply mailbox) and SMS provider stand-in. Every test class uses exactly this, so Quarkus starts once for all of them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = TendServiceResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(MailCatcherResource.class)
@WithTestResource(SmsStandInResource.class)
@WithTestResource(ReplyMailboxResource.class)
public @interface NotificationServiceTestResource {
}
