#!/usr/bin/env bash
# Sets up and runs the whole test suite on a fresh Debian machine with Node 20 (run as root, or with sudo rights):
# installs the system packages the tests need when missing, installs the npm dependencies exactly as locked,
# then runs the static checks and every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: a real PostgreSQL server (started privately by the tests), Chromium for the
# browser tests (Playwright drives Debian's build; browser downloads do not work here), poppler-utils, whose
# pdftoppm rasterises printed sheets independently of our own code, and HAProxy, the load balancer the multi-node
# test puts in front of several app processes with the repository's deploy/haproxy.cfg.
required_packages=(postgresql chromium poppler-utils haproxy)
missing=()
for package in "${required_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  echo "Installing missing system packages: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# One build for the checks and the tests (`npm run check` and `npm test` each build first when run on their own;
# after `npm ci`, whose `prepare` script builds too, the TypeScript part is already up to date).
npm ci
npm run build
npm run check:static
npm run test:built
