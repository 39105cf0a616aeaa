FROM python:3.11-slim AS build
ARG V=1
ENV E=2
LABEL x=y
WORKDIR /
WORKDIR /w
COPY a.txt ./
RUN --mount=type=cache,target=/x echo $V > /x/f && for i in 1 2 3; do echo line$i; done
EXPOSE 80

FROM scratch
COPY --from=build /w/a.txt /a
CMD ["x"]

FROM python:3.11-slim
COPY --from=1 /a /b
RUN true
RUN true
RUN true
RUN true
RUN true
RUN true
RUN true
RUN true
RUN true
