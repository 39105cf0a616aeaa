# expect: LL006 none
FROM debian:12
RUN curl -fsSL -o /tmp/app.tar.gz https://example.com/app.tar.gz \
    && tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
RUN rm -rf /tmp/unrelated
