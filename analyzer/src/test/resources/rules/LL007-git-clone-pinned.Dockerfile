# expect: LL007 none
FROM debian:12
RUN git clone https://example.com/lib.git /opt/lib \
    && git -C /opt/lib checkout 0123456789abcdef0123456789abcdef01234567
RUN git clone --depth 1 --branch v1.4.2 https://example.com/other.git /opt/other
