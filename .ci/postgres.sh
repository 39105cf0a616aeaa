#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the store's integration test (StorePostgresIT):
#   - installs Debian's postgresql package when no server binaries are present;
#   - makes a new cluster in a temporary directory, owned by the postgres user when run as root;
#   - listens on 127.0.0.1 only, on a free port, with its socket in that directory;
#   - creates the database layerlab_test and exports LAYERLAB_TEST_PG_URL.
# Source it (`. .ci/postgres.sh`); `layerlab_stop_postgres` stops the server and deletes the
# directory. Nothing else on the machine is touched.

pg_log() { echo "postgres: $*" >&2; }

layerlab_start_postgres() {
  local bin
  # The client package also makes /usr/lib/postgresql/N/bin, so look for the server itself.
  # (|| true: under `set -o pipefail` a failing ls would end the sourcing shell.)
  server_bin() {
    { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null || true; } | sort -V | tail -1 | xargs -r dirname
  }
  bin=$(server_bin)
  if [[ -z "$bin" ]]; then
    pg_log "installing postgresql from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(server_bin)
  fi
  [[ -n "$bin" ]] || { pg_log "no PostgreSQL server (initdb) after installing postgresql"; return 1; }

  LAYERLAB_PG_DIR=$(mktemp -d /tmp/layerlab-pg.XXXXXX)
  local as=()
  if [[ $EUID -eq 0 ]]; then
    # PostgreSQL refuses to run as root.
    chown postgres: "$LAYERLAB_PG_DIR"
    as=(runuser -u postgres --)
  fi
  LAYERLAB_PG_CTL=("${as[@]}" "$bin/pg_ctl")

  "${as[@]}" "$bin/initdb" -D "$LAYERLAB_PG_DIR/data" -U postgres -A trust -E UTF8 --no-sync \
    >"$LAYERLAB_PG_DIR/initdb.log" 2>&1 || { cat "$LAYERLAB_PG_DIR/initdb.log" >&2; return 1; }

  local port
  for port in $(seq 55432 55532); do
    # A port that refuses a connection is free (the bash probe needs no extra tool).
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      if "${LAYERLAB_PG_CTL[@]}" -D "$LAYERLAB_PG_DIR/data" -l "$LAYERLAB_PG_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $LAYERLAB_PG_DIR -c fsync=off" \
        start >/dev/null; then
        break
      fi
    fi
    port=""
  done
  if [[ -z "$port" ]]; then
    tail -20 "$LAYERLAB_PG_DIR/server.log" >&2 || true
    pg_log "could not start a server on any port from 55432 to 55532"
    return 1
  fi

  "${as[@]}" "$bin/psql" -q -h "$LAYERLAB_PG_DIR" -p "$port" -U postgres -d postgres \
    -c "CREATE DATABASE layerlab_test" >/dev/null
  export LAYERLAB_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/layerlab_test?user=postgres"
  pg_log "throwaway server up on 127.0.0.1:$port ($LAYERLAB_PG_DIR)"
}

layerlab_stop_postgres() {
  [[ -n "${LAYERLAB_PG_DIR:-}" && -d "$LAYERLAB_PG_DIR" ]] || return 0
  "${LAYERLAB_PG_CTL[@]}" -D "$LAYERLAB_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$LAYERLAB_PG_DIR"
  unset LAYERLAB_PG_DIR LAYERLAB_TEST_PG_URL
}

layerlab_start_postgres
