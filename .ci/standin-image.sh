#!/usr/bin/env bash
# Makes a local stand-in for a base image that cannot be pulled on a machine without a registry.
#
#   .ci/standin-image.sh IMAGE RECIPE
#
# RECIPE is a scenario's stand-in recipe (scenarios/*/base/standin.env): the Debian suite, the
# packages to install, and the commands that make the root file system behave like the official
# image in what the scenario relies on. The image is built with debootstrap from the Debian
# mirror this machine's apt already uses, imported with `docker import`, and tagged IMAGE.
# Nothing happens when IMAGE already exists locally.
set -euo pipefail

image=$1
recipe=$2

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "stand-in: $image already present"
  exit 0
fi

# shellcheck disable=SC1090
source "$recipe"
: "${SUITE:?recipe must set SUITE}" "${PACKAGES:?recipe must set PACKAGES}"

mirror=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
if [[ -z "$mirror" ]]; then
  mirror=$(awk '$1 == "deb" && $3 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
fi
if [[ -z "$mirror" ]]; then
  echo "stand-in: no Debian mirror found in /etc/apt sources; configure apt first" >&2
  exit 1
fi

root=$(mktemp -d /var/tmp/layerlab-standin.XXXXXX)
trap 'rm -rf "$root"' EXIT

echo "stand-in: debootstrap $SUITE (+ $PACKAGES) for $image"
debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$root" "$mirror" >"$root.log" 2>&1 || {
  tail -20 "$root.log" >&2
  echo "stand-in: debootstrap failed for $image (log above)" >&2
  exit 1
}
rm -f "$root.log"

if declare -F customize >/dev/null; then
  customize "$root"
fi
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/locale/*

changes=()
for c in "${IMAGE_CONFIG[@]}"; do
  changes+=(--change "$c")
done
tar -C "$root" --numeric-owner -c . | docker import "${changes[@]}" \
  -m "layerlab stand-in for $image" - "$image" >/dev/null
echo "stand-in: made $image ($(docker image inspect -f '{{.Size}}' "$image") bytes)"
