# The PlanGraph API (GraphQL over Neo4j). docker-compose.yml runs it next to neo4j:5.26-community;
# NEO4J_URI must point at that Neo4j, so the local Java launcher is never needed in here.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Full install: TypeScript runs through tsx (a dependency), nothing is compiled ahead.
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY cli ./cli
COPY config ./config
COPY graph ./graph
COPY loaders ./loaders
COPY load ./load
COPY api ./api
COPY web ./web
COPY seeds ./seeds
COPY tsconfig.json ./
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
# up: apply the schema, load seeds/ (unchanged documents write nothing), serve GraphQL.
CMD ["node", "bin/plangraph.js", "up"]
