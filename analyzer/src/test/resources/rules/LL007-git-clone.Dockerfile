# expect: LL007 3
FROM debian:12
RUN git clone https://example.com/lib.git /opt/lib
