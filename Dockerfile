# syntax=docker/dockerfile:1
# quiztutor in a container: built with Maven on a Temurin 17 JDK, run on a Temurin 17 JRE as a user
# of its own. See README, "Running it for real".
#
#   docker build --build-arg GIT_COMMIT="$(git rev-parse --short=12 HEAD)" -t quiztutor .
#   docker run -d --name quiztutor --restart on-failure -e DISCORD_TOKEN \
#     -v quiztutor-data:/app/data -v "$PWD/quizzes:/app/quizzes" quiztutor
#
# The token comes from the environment when the container starts (-e DISCORD_TOKEN passes the one in
# your shell, --env-file a file only you can read); it is never part of the image.

FROM maven:3.8.7-eclipse-temurin-17 AS build
WORKDIR /build
# The commit --version prints; .git stays out of the build context (.dockerignore).
ARG GIT_COMMIT=unknown
COPY pom.xml ./
COPY src/main ./src/main
# The Maven cache outlives the build (BuildKit), so a rebuild downloads nothing new.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Dmaven.test.skip=true -Dgit.commit="${GIT_COMMIT}" package

FROM eclipse-temurin:17-jre
RUN groupadd --system quiztutor \
    && useradd --system --gid quiztutor --home-dir /app --no-create-home --shell /usr/sbin/nologin quiztutor
WORKDIR /app
COPY --from=build /build/target/quiztutor.jar /app/quiztutor.jar
# The shipped topics, as a start: mount your own folder over /app/quizzes (it reloads itself).
COPY quizzes /app/quizzes
COPY config/quiztutor.example.yml /app/config/quiztutor.example.yml
# The launcher: java with an AppCDS archive of the classes, written to /app/data by the first start
# of this image's jar as it stops (docker stop), used by every start after (about half the start).
COPY config/quiztutor.sh /app/quiztutor.sh
RUN mkdir -p /app/data && chown quiztutor:quiztutor /app/data
USER quiztutor
# data/: the SQLite store (keep it on a volume, or it goes with the container). quizzes/: the bank.
VOLUME ["/app/data", "/app/quizzes"]
# Only with metrics.port: 9464 and metrics.bind: 0.0.0.0 in /app/config/quiztutor.yml (mounted);
# publish it to the host's loopback: -p 127.0.0.1:9464:9464.
EXPOSE 9464
# SIGTERM (docker stop) is Ctrl-C's equivalent: answers in flight are sent, then it exits.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["/bin/sh", "/app/quiztutor.sh"]
CMD ["run"]
