# syntax=docker/dockerfile:1
# The image of one service of the restaurant, chosen by MODULE (registry, gateway,
# staff-service, order-service, kitchen-service or cashier-service):
#   docker build --build-arg MODULE=order-service -t restaurant/order-service .
# `docker compose up` builds all six (compose.yaml).

# 1. Build every jar. This stage does not depend on MODULE, so the six images share it.
FROM eclipse-temurin:17-jdk AS build
# The Maven wrapper downloads Maven with curl (or wget).
RUN command -v curl >/dev/null || command -v wget >/dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests -Dspring-javaformat.validate.skip=true package \
      -pl registry,gateway,staff-service,order-service,kitchen-service,cashier-service -am

# 2. Split the service's jar into layers, from the least to the most often changed
#    (Spring Boot's layered jar: dependencies, loader, snapshot dependencies, application).
FROM eclipse-temurin:17-jre AS layers
ARG MODULE
WORKDIR /layers
COPY --from=build /src/${MODULE}/target/${MODULE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# 3. The runtime: a JRE, the layers, and a user of its own (never root).
FROM eclipse-temurin:17-jre
# curl answers the health checks (compose.yaml).
RUN (command -v curl >/dev/null \
      || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)) \
    && groupadd --system --gid 10001 restaurant \
    && useradd --system --uid 10001 --gid restaurant --home-dir /app --no-create-home restaurant \
    && mkdir -p /app/data/keys && chown -R 10001:10001 /app/data && chmod 700 /app/data/keys
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# /app/data (DATA_DIR) belongs to the service's user: a volume mounted on /app/data/keys
# (the staff-service's signing keys, compose.yaml) starts with that owner, so the service
# can write its keys there on the first start.
USER 10001:10001
# The launcher's JVM settings (./restaurant); override with -e JAVA_OPTS=...
ENV JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
# exec: java is PID 1 and gets SIGTERM, so the service stops gracefully.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher"]
