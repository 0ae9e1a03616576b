package dev.tend.console;

import dev.tend.testsupport.TendServiceResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test against the shared real PostgreSQL, in the console's own database. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(value = TendServiceResource.class, initArgs = @ResourceArg(name = "database", value = "console"))
public @interface ConsoleTestResource {
}
