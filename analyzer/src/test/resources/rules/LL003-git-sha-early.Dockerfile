# expect: LL003 4
FROM python:3.11-slim
WORKDIR /app
ARG GIT_SHA
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
