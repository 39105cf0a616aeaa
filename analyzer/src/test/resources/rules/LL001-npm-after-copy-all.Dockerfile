# expect: LL001 5
FROM node:18-slim
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "server.js"]
