#!/usr/bin/env bash
# Prepares a Debian machine without an image registry for layerlab's builds:
#   - installs Docker (docker.io), debootstrap and chromium (for the report page test) from Debian
#     when missing;
#   - starts the daemon as root with no bridge network, no iptables and no masquerading;
#   - makes stand-in base images for every scenario whose FROM image is not present locally;
#   - serves the machine's configured local Python package index on 127.0.0.1.
# Source it (`. .ci/prepare.sh`) to get PIP_INDEX_URL and the Testcontainers settings exported;
# the index server runs until `layerlab_stop_index` or the shell exits.
set -euo pipefail

ci_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$ci_dir")"

log() { echo "prepare: $*" >&2; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # HtmlReportBrowserIT
  if ((${#missing[@]})); then
    log "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

start_daemon() {
  if docker info >/dev/null 2>&1; then
    log "Docker daemon already answers"
    return
  fi
  log "starting dockerd (--bridge=none --iptables=false --ip-masq=false)"
  mkdir -p /var/log
  nohup dockerd --bridge=none --iptables=false --ip-masq=false >/var/log/layerlab-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && { log "daemon up: $(docker version -f '{{.Server.Version}}')"; return; }
    sleep 1
  done
  tail -20 /var/log/layerlab-dockerd.log >&2
  log "the Docker daemon did not start within 60 s (log above)"
  return 1
}

make_standins() {
  # LAYERLAB_SCENARIOS names the scenarios whose base images to make (all when unset); a
  # multi-stage scenario also needs the recipes of the images its other stages use.
  local recipe image name
  for recipe in "$repo"/scenarios/*/base/standin.env; do
    [[ -f "$recipe" ]] || continue
    name=$(basename "$(dirname "$(dirname "$recipe")")")
    if [[ -n "${LAYERLAB_SCENARIOS:-}" && " $LAYERLAB_SCENARIOS " != *" $name "* ]]; then
      continue
    fi
    image=$(sed -n 's/^IMAGE=//p' "$recipe" | head -1)
    [[ -n "$image" ]] || { log "$recipe names no IMAGE"; return 1; }
    if docker image inspect "$image" >/dev/null 2>&1; then
      log "base image $image present"
      continue
    fi
    # Pulling is only tried when asked for: on machines without a registry it cannot work.
    if [[ "${LAYERLAB_PULL_BASE_IMAGES:-0}" == 1 ]] && docker pull -q "$image" >/dev/null 2>&1; then
      log "pulled $image"
      continue
    fi
    bash "$ci_dir/standin-image.sh" "$image" "$recipe"
  done
}

serve_index() {
  if [[ -n "${PIP_INDEX_URL:-}" ]]; then
    log "PIP_INDEX_URL already set: $PIP_INDEX_URL"
    return
  fi
  local urls dir port
  urls=$(pip config list 2>/dev/null | sed -n "s/^global\.\(extra-\)\{0,1\}index-url='\(.*\)'$/\2/p" | tr ' ' '\n')
  dir=$(echo "$urls" | sed -n 's#^file://\(.*\)/simple/\{0,1\}$#\1#p' | head -1)
  if [[ -z "$dir" || ! -d "$dir/simple" ]]; then
    log "no local package index in the pip configuration; builds will use pip's default index"
    return
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >/tmp/layerlab-index.log 2>&1 &
  LAYERLAB_INDEX_PID=$!
  for _ in $(seq 1 50); do
    curl -fs "http://127.0.0.1:$port/simple/" >/dev/null 2>&1 && break
    sleep 0.1
  done
  export PIP_INDEX_URL="http://127.0.0.1:$port/simple"
  log "serving $dir as $PIP_INDEX_URL (pid $LAYERLAB_INDEX_PID)"
}

layerlab_stop_index() {
  if [[ -n "${LAYERLAB_INDEX_PID:-}" ]]; then
    kill "$LAYERLAB_INDEX_PID" 2>/dev/null || true
    LAYERLAB_INDEX_PID=
  fi
}

install_packages
start_daemon
make_standins
serve_index

# Testcontainers against a daemon without a bridge network or a registry.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
set +euo pipefail
