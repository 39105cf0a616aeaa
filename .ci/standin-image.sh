#!/usr/bin/env bash
# Makes a local stand-in for a base image that cannot be pulled on a machine without a registry.
#
#   .ci/standin-image.sh IMAGE RECIPE
#
# RECIPE is a scenario's stand-in recipe (scenarios/*/base/standin.env): the Debian suite, the
# packages to install, and the commands that make the root file system behave like the official
# image in what the scenario relies on. The image is built with debootstrap from the Debian
# mirror this machine's apt already uses, imported with `docker import`, and tagged IMAGE. The
# stand-in trusts the certificate authorities this machine has added to Debian's, so that builds
# on the host network reach the registries this machine reaches.
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
# --one-file-system: never follow a /proc still mounted in the root into the host's.
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf --one-file-system "$root"' EXIT

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

# Builds on the host network reach package registries the way this machine does, so the stand-in
# trusts the certificate authorities added to this machine (Debian keeps them in
# /usr/local/share/ca-certificates) as well as Debian's. /proc is mounted because the hook that
# rebuilds Java's keystore runs java.
local_cas=/usr/local/share/ca-certificates
if [[ -x "$root/usr/sbin/update-ca-certificates" ]] && find "$local_cas" -name '*.crt' 2>/dev/null | grep -q .; then
  cp -r "$local_cas/." "$root$local_cas/"
  mount -t proc proc "$root/proc"
  chroot "$root" update-ca-certificates >/dev/null
  umount "$root/proc"
  echo "stand-in: trusts this machine's certificate authorities from $local_cas"
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
