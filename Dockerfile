# One image recipe for the three services and the staff console: the build stage is the same for all (so Docker builds it once),
# the SERVICE argument picks which packaged app the runtime image carries.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl infra,customer-service,followup-service,notification-service,staff-console -am \
 && mkdir infra/target/stand-ins \
 && cp $(tr ':' ' ' < infra/target/infra.classpath) infra/target/tend-infra-*.jar infra/target/stand-ins/

# docker compose's stand-ins (target: stand-ins): the mail catcher, the SMS-provider stand-in and the /mail and /sms
# views of ./tend up, run from infra's jar.
FROM eclipse-temurin:17-jre AS stand-ins
WORKDIR /app
COPY --from=build /src/infra/target/stand-ins/ /app/lib/
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER 185
ENTRYPOINT ["java", "-Xmx256m", "-cp", "/app/lib/*", "dev.tend.infra.StandIns"]

FROM eclipse-temurin:17-jre
ARG SERVICE
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/quarkus-app/ /app/
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# notification-service's print folder: a volume in docker compose, owned by the user the service runs as.
RUN mkdir -p /var/lib/tend/print && chown 185 /var/lib/tend/print
USER 185
ENV JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
