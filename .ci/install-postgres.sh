#!/bin/sh
# Installs the PostgreSQL server binaries the storage tests need. The tests start a throwaway server
# of their own from /usr/lib/postgresql/<version>/bin (initdb, pg_ctl; see
# src/test/java/dev/quiztutor/store/TestPostgres.java), so this script only installs: it creates no
# cluster and starts no service. With CI=true those tests fail rather than skip when the binaries
# are missing, hence this step in CI.
#
# Idempotent: does nothing when initdb is already installed. Debian and Ubuntu (apt-get); runs as
# root or through password-less sudo, without a terminal or stdin.
set -eu

have_initdb() {
    for initdb in /usr/lib/postgresql/*/bin/initdb; do
        if [ -x "$initdb" ]; then
            echo "$initdb"
            return 0
        fi
    done
    return 1
}

if found=$(have_initdb); then
    echo "PostgreSQL server binaries already installed: $found"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found; install the PostgreSQL server binaries (initdb, pg_ctl) yourself," \
         "or point the tests at a server with QUIZTUTOR_TEST_POSTGRES_URL" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    echo "error: installing PostgreSQL needs root or password-less sudo" >&2
    exit 1
fi

# No main cluster: Debian's package would otherwise create one and start it as a service, which the
# tests never use. A drop-in file, because createcluster.conf itself is managed by the package.
$as_root mkdir -p /etc/postgresql-common/createcluster.d
echo "create_main_cluster = false" | $as_root tee /etc/postgresql-common/createcluster.d/quiztutor-ci.conf >/dev/null

echo "Installing PostgreSQL server binaries with apt-get"
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql </dev/null

if found=$(have_initdb); then
    echo "PostgreSQL server binaries installed: $found"
else
    echo "error: apt-get installed postgresql but no /usr/lib/postgresql/<version>/bin/initdb was found" >&2
    exit 1
fi
