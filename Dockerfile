# syntax=docker/dockerfile:1
# MiniStudio as one image: the studio (API, editor, embedded queue, local renderer) by default, and the
# render worker with `node scripts/worker.mjs` (docker-compose.yml runs both). Built once: dependencies
# and the editor's build happen in the first stage; the second holds only what runs, as a non-root user.

FROM node:20-bookworm AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1
RUN npm install -g pnpm@12.21.0
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml turbo.json tsconfig.base.json prisma.config.ts ./
COPY prisma ./prisma
COPY apps ./apps
COPY packages ./packages
COPY scripts ./scripts
RUN pnpm install --frozen-lockfile \
  && pnpm exec prisma generate \
  && pnpm exec turbo run build --output-logs=errors-only

FROM node:20-bookworm-slim AS runtime
# What the studio runs at render time: ffmpeg for media, espeak-ng for the built-in voices, DejaVu for text.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg espeak-ng fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/* \
  && useradd --create-home --uid 10001 studio \
  && mkdir -p /data \
  && chown studio:studio /data
WORKDIR /app
# Owned by root and read-only to the studio: everything it writes goes to the data volume.
COPY --from=build /app /app
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=5170 \
  MINISTUDIO_PUBLIC_URL=http://localhost:5170 \
  MINISTUDIO_DATA=/data
USER studio
EXPOSE 5170
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# One process (node with tsx's loader, no wrapper), so `docker stop`'s SIGTERM reaches the studio itself.
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
