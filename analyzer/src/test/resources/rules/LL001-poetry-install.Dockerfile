# expect: LL001 5
FROM python:3.11-slim
WORKDIR /app
COPY . .
RUN poetry install --no-root
