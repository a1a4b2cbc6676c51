# Two stages: Maven builds the fat jar (the dependency layer is cached until pom.xml changes),
# a JRE runs it with the shipped rules; the store lives in a volume.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app standards \
    && mkdir -p /app/data \
    && chown standards /app/data
WORKDIR /app
COPY --from=build /build/target/service-standards.jar /app/service-standards.jar
# The officers' files; mount a directory over /app/rules to serve your own.
COPY rules /app/rules
ENV PORT=8080 \
    STANDARDS_DATA=/app/data \
    STANDARDS_RULES=/app/rules
VOLUME /app/data
EXPOSE 8080
USER standards
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/service-standards.jar"]
CMD ["serve"]
