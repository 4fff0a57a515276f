#!/usr/bin/env bash
# Sets up what the PostgreSQL tests and the dev entry point need on a machine that reaches
# no container registry: a Docker engine (start-docker.sh) and the PostgreSQL image built
# from Debian's packages (build-postgres-image.sh). Both steps do nothing when their part
# is already there. Run as root; then run the build with
#   HOTRELOAD_POSTGRES_IMAGE=hotreload/postgres:15-bookworm TESTCONTAINERS_RYUK_DISABLED=true
#   TESTCONTAINERS_HOST_OVERRIDE=localhost
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

start=$SECONDS
"$here/start-docker.sh"
"$here/build-postgres-image.sh" "${HOTRELOAD_POSTGRES_IMAGE:-hotreload/postgres:15-bookworm}"
echo "Docker and the PostgreSQL image ready in $((SECONDS - start)) s"
