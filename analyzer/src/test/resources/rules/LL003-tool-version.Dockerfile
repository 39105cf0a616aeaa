# expect: LL003 none
FROM debian:12
ARG PYTHON_VERSION=3.11
RUN apt-get update && apt-get install -y --no-install-recommends python${PYTHON_VERSION} && rm -rf /var/lib/apt/lists/*
