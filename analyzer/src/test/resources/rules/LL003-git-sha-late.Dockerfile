# expect: LL003 none
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ARG GIT_SHA
LABEL org.opencontainers.image.revision=$GIT_SHA
