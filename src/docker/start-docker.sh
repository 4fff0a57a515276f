#!/usr/bin/env bash
# Makes a Docker engine available on a machine that has none: installs Debian's 'docker.io'
# when dockerd is missing and starts dockerd when no engine answers on the default socket.
# Does nothing when an engine already answers. Needs root.
#
# The flags are those that work in CI's virtual machines (cgroup v1, ext4 root): overlay2
# storage, the default bridge and iptables rules, so published ports work as Testcontainers
# expects. HOTRELOAD_DOCKERD_FLAGS replaces them, e.g. '--storage-driver=vfs' where overlay
# mounts are not allowed. The engine's log goes to /var/log/hotreload-dockerd.log.
set -euo pipefail

log=/var/log/hotreload-dockerd.log
flags="${HOTRELOAD_DOCKERD_FLAGS:---storage-driver=overlay2}"

if docker info >/dev/null 2>&1; then
	echo "Docker engine $(docker version --format '{{.Server.Version}}') is running"
	exit 0
fi

start=$SECONDS
if ! command -v dockerd >/dev/null 2>&1; then
	echo "Installing docker.io from Debian's packages"
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-cache show docker.io >/dev/null 2>&1; then
		apt-get update -qq
	fi
	apt-get install -y -qq --no-install-recommends docker.io >/dev/null
	echo "Installed docker.io in $((SECONDS - start)) s"
fi

engine_start=$SECONDS
# shellcheck disable=SC2086 # the flags are a list of words
setsid dockerd $flags >"$log" 2>&1 < /dev/null &
for _ in $(seq 1 120); do
	if docker info >/dev/null 2>&1; then
		echo "Started Docker engine $(docker version --format '{{.Server.Version}}') ($flags) in" \
			"$((SECONDS - engine_start)) s; log: $log"
		exit 0
	fi
	if ! kill -0 $! 2>/dev/null; then
		break
	fi
	sleep 0.5
done
echo "The Docker engine did not start ($flags); last lines of $log:" >&2
tail -n 30 "$log" >&2
exit 1
