# expect: LL001 5
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app ./cmd/app
