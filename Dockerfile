# One image for both processes; compose picks the entry point. It holds what the api, the worker and the
# migrations run: src/, migrations/, scripts/ and the model (bench/, test/ and the offline tools/ stay out;
# `.ci/image-check` proves it).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src src
COPY migrations migrations
COPY scripts scripts
COPY models models
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/models models
COPY data/common-passwords.txt data/common-passwords.txt
COPY package.json ./
USER node
CMD ["node", "dist/src/main.js"]
