# One image for both processes; compose picks the entry point. It holds what the api, the worker and the
# migrations run: src/, migrations/, scripts/ and the model (bench/, test/ and the offline tools/ stay out;
# `.ci/image-check` proves it). Node 22 LTS; the service also runs on Node 20.19+ (package.json engines).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src src
COPY migrations migrations
COPY scripts scripts
COPY models models
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
# tini as PID 1: signals reach node (graceful shutdown on `docker stop`) and exited children are reaped.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/models models
COPY data/common-passwords.txt data/common-passwords.txt
COPY package.json ./
USER node
EXPOSE 3000 3001
# The api's /health on PORT, or in a worker's container its /health on WORKER_PORT (dist/src/healthcheck.js).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/src/healthcheck.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
