# expect: LL001 5
FROM gradle:8-jdk17
WORKDIR /src
COPY . .
RUN gradle build --no-daemon
