#!/bin/sh
# Starts quiztutor with a class-data-sharing (AppCDS) archive of its classes: most of a start is the
# JVM loading and checking classes, and the archive takes that off every start after the first.
# The first start of a jar writes the archive as it exits (Ctrl-C, SIGTERM, systemctl stop or docker
# stop all count); a new jar (another size or time) gets a new archive and the old one is removed.
# Nothing else changes: without a writable folder it starts as plain `java -jar`.
#
#   config/quiztutor.sh [command and options]      (default: run)
#
# QUIZTUTOR_JAR   the jar (default: quiztutor.jar beside this script, else target/quiztutor.jar)
# QUIZTUTOR_CDS   the folder of the archives (default: data, beside the store)
# JAVA            the java to run (default: java on the PATH); JAVA_OPTS more JVM options
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
jar=${QUIZTUTOR_JAR:-}
if [ -z "$jar" ]; then
    jar=$here/quiztutor.jar
    [ -f "$jar" ] || jar=$here/../target/quiztutor.jar
fi
if ! stamp=$(stat -c %s-%Y "$jar" 2>/dev/null); then
    echo "quiztutor.sh: no jar at $jar (build it with: mvn -B -q -DskipTests package)" >&2
    exit 2
fi
[ $# -gt 0 ] || set -- run
# One archive per command: run and validate load different classes.
case $1 in
    *[!a-z]*) command=other ;;
    *) command=$1 ;;
esac
folder=${QUIZTUTOR_CDS:-data}
archive=$folder/quiztutor-$command-$stamp.jsa
if [ -f "$archive" ]; then
    cds="-XX:SharedArchiveFile=$archive"
elif mkdir -p "$folder" 2>/dev/null && [ -w "$folder" ]; then
    rm -f "$folder"/quiztutor-"$command"-*.jsa
    cds="-XX:ArchiveClassesAtExit=$archive"
else
    cds=""
fi
# -Xlog:cds=off: the JVM lists each class it leaves out of an archive (picocli's Java 5 classes).
# shellcheck disable=SC2086
exec "${JAVA:-java}" $cds -Xlog:cds=off -Xlog:cds+dynamic=off ${JAVA_OPTS:-} -jar "$jar" "$@"
