# syntax=docker/dockerfile:1
# The service image: TypeScript compiled in a build stage, run by plain Node 24
# (LTS) with production dependencies only, as a non-root user. Neo4j runs in its
# own container (docker-compose.yml) or cluster; the service reaches it through
# NEO4J_URI, so there is no Java here.
#   docker build -t nexus-knowledge-graph .
# Pin NODE_IMAGE to a digest (node:24-trixie-slim@sha256:…) for reproducible builds.
ARG NODE_IMAGE=node:24-trixie-slim

# --- build: the service (tsc → dist/) and the explorer (vite → web/dist/) ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Dependency install scripts are not needed (see docs/runtime.md) and never run here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm run web:build

# --- production dependencies only ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Everything belongs to root: the service's user reads it and cannot change it, and
# the service writes nothing, so the container runs with a read-only root
# filesystem too (compose: read_only; Kubernetes: readOnlyRootFilesystem).
COPY --from=deps /app/node_modules ./node_modules
COPY package.json schema.graphql ./
COPY cypher ./cypher
COPY data/graph ./data/graph
COPY data/source ./data/source
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# The official image's `node` user, by number: Kubernetes' runAsNonRoot can only
# verify a numeric user.
USER 1000:1000
EXPOSE 4000
# /ready gives up on Neo4j after 3 s and answers 503; the check waits a little longer.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The tracing preload is inert unless OTEL_* variables turn tracing on.
CMD ["node", "--enable-source-maps", "--import", "./dist/observability/tracing.js", "dist/main.js"]
