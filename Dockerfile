# syntax=docker/dockerfile:1
# Pooldeck's production image: the standalone server (`output: "standalone"`), its static files
# and public/ only, run as a non-root user. See docs/deploy/README.md. Not built by this
# repository's CI (no Docker there); kept minimal and conventional.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  HOSTNAME=0.0.0.0 \
  PORT=3000 \
  POOLDECK_DATA_DIR=/app/.data
RUN groupadd --system --gid 1001 pooldeck \
  && useradd --system --uid 1001 --gid pooldeck --no-create-home pooldeck \
  && mkdir -p /app/.data \
  && chown pooldeck:pooldeck /app/.data
COPY --from=build --chown=pooldeck:pooldeck /app/.next/standalone ./
COPY --from=build --chown=pooldeck:pooldeck /app/.next/static ./.next/static
COPY --from=build --chown=pooldeck:pooldeck /app/public ./public
USER pooldeck
EXPOSE 3000
# liveness only (the process answers): Prefect or AWS being down must not restart Pooldeck
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "pooldeck-server.mjs"]
