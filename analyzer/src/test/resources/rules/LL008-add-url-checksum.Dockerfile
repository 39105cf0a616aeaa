# builder: buildkit
# expect: LL008 none
FROM debian:12
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
ADD https://example.com/repo.git#v1.0 /src
