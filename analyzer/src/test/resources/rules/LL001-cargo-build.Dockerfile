# expect: LL001 5
FROM rust:1.79
WORKDIR /src
COPY . .
RUN cargo build --release
