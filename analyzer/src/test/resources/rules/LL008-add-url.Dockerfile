# expect: LL008 3
FROM debian:12
ADD https://example.com/tool.tar.gz /opt/
