# expect: LL006 5
FROM debian:12
WORKDIR /build
RUN wget -O tool.zip https://example.com/tool.zip && unzip tool.zip
RUN rm tool.zip
