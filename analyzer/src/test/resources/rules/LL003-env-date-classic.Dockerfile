# expect: LL003 3,4
FROM debian:12
ARG BUILD_DATE
ENV BUILD_DATE=$BUILD_DATE
COPY app /app
RUN /app/setup.sh
