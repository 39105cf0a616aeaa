# builder: buildkit
# expect: LL003 none
FROM debian:12
ARG VERSION
LABEL version=$VERSION
COPY app /app
