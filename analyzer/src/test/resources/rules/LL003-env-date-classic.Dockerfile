# expect: LL003 3
FROM debian:12
ENV BUILD_DATE=$(date)
COPY app /app
