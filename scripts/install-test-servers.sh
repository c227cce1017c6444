#!/usr/bin/env bash
# Installs, from Debian's packages, every program `npm test` drives: Chromium for the end-to-end tests and
# the real servers some tests start themselves. Idempotent; run as root (CI does, through .ci/run).
set -euo pipefail
packages=(chromium postgresql pgbouncer wordpress php-cli php-mysql mariadb-server)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
