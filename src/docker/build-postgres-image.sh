#!/usr/bin/env bash
# Builds the PostgreSQL image the tests and the dev entry point use on machines that reach no
# container registry: a Debian bookworm root file system with postgresql-15 (debootstrap, from
# Debian's package mirror), imported as a Docker image with an entrypoint that behaves like the
# official 'postgres' image for Testcontainers. Does nothing when the image already exists.
#
# Usage: src/docker/build-postgres-image.sh [image]   (default: $HOTRELOAD_POSTGRES_IMAGE or
# hotreload/postgres:15-bookworm). Needs root, a running Docker engine and debootstrap.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
image="${1:-${HOTRELOAD_POSTGRES_IMAGE:-hotreload/postgres:15-bookworm}}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

# The image records which entrypoint it was built with, so that a changed entrypoint
# builds it again.
entrypoint_sum="$(sha256sum "$here/postgres/docker-entrypoint.sh" | cut -c1-16)"
built_sum="$(docker image inspect --format '{{ index .Config.Labels "dev.hotreload.entrypoint" }}' "$image" \
	2>/dev/null || true)"
if [ "$built_sum" = "$entrypoint_sum" ]; then
	echo "PostgreSQL image $image exists, reusing it"
	exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-cache show debootstrap >/dev/null 2>&1; then
		apt-get update -qq
	fi
	apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

start=$SECONDS
previous="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
rootfs="$(mktemp -d /var/tmp/hotreload-postgres-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs" "$rootfs.log"' EXIT

echo "Building PostgreSQL image $image with debootstrap from $mirror"
if ! debootstrap --variant=minbase --include=postgresql-15 bookworm "$rootfs" "$mirror" \
	>"$rootfs.log" 2>&1; then
	tail -n 30 "$rootfs.log" >&2
	exit 1
fi
rm -f "$rootfs.log"

# The package's own cluster (15/main) is not used: the entrypoint creates one in $PGDATA.
# Downloaded packages, documentation and translations only make the image bigger, and so does
# LLVM (130 MB), which only the optional JIT loads: without it PostgreSQL runs without JIT.
rm -rf "$rootfs/var/lib/postgresql/15" "$rootfs/etc/postgresql/15/main" \
	"$rootfs/usr/lib/x86_64-linux-gnu/libLLVM-"* "$rootfs/usr/lib/postgresql/15/lib/llvmjit"* \
	"$rootfs/usr/lib/postgresql/15/lib/bitcode" \
	"$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"* \
	"$rootfs/usr/share/doc/"* "$rootfs/usr/share/man/"* "$rootfs/usr/share/locale/"*
install -m 0755 "$here/postgres/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
mkdir -p "$rootfs/docker-entrypoint-initdb.d" "$rootfs/var/lib/postgresql/data"

tar -C "$rootfs" -c . | docker import \
	--change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
	--change 'ENV PGDATA=/var/lib/postgresql/data' \
	--change 'ENV LANG=C.UTF-8' \
	--change 'EXPOSE 5432' \
	--change "LABEL dev.hotreload.entrypoint=$entrypoint_sum" \
	--change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
	--change 'CMD ["postgres"]' \
	- "$image" >/dev/null
if [ -n "$previous" ]; then
	# The image built with an older entrypoint, now without a tag
	docker rmi "$previous" >/dev/null 2>&1 || true
fi
echo "Built PostgreSQL image $image in $((SECONDS - start)) s"
