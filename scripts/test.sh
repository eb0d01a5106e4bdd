#!/usr/bin/env bash
# Sets up and runs the whole test suite on a fresh Debian machine with Node 20 (run as root, or with sudo rights):
# installs the system packages the tests need when missing, installs the npm dependencies exactly as locked,
# then runs the static checks and every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: a real PostgreSQL server (started privately by the tests), Chromium's headless
# shell for the browser tests (Playwright drives Debian's build; browser downloads do not work here), poppler-utils,
# whose pdftoppm rasterises printed sheets independently of our own code, and HAProxy, the load balancer the multi-node
# test puts in front of several app processes with the repository's deploy/haproxy.cfg.
required_packages=(postgresql chromium-headless-shell poppler-utils haproxy)
missing=()
for package in "${required_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  echo "Installing missing system packages: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# One build for the checks and the tests: `npm ci` runs the `prepare` script, which is `npm run build` (`npm run
# check` and `npm test` each build first when run on their own). A second `npm run build` here rebuilt the web app
# for nothing.
npm ci

# The static checks read the tree and write nothing, so they run beside the unit tests at the lowest priority
# (nice 19): they take the CPU the unit tests leave idle while they wait on servers and PostgreSQL, instead of about
# 2 minutes of their own, and the tests keep the CPU they ask for. When the unit tests pass, the browser tests start
# at once and the static checks finish beside them, still at nice 19 (waiting for them cost 50 s to 2.5 minutes of
# each run when the unit tests had left them little idle CPU); their report follows the browser tests, and every
# check still runs and fails the run. The browser tests never run beside the unit tests: a few of them time what a
# person sees (countdowns, deadlines), and beside the unit tests on two cores they ran out of their time limits
# (decision 0017).
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
nice -n 19 npm run -s check:static >"$reports/static" 2>&1 &
static_checks=$!
echo "Static checks running beside the unit tests (their report follows the tests)."

status=0
TZ=UTC npx vitest run || status=1
# As `npm run test:built`: the browser tests only after the unit tests pass.
((status != 0)) || npm run e2e || status=1
static_status=0
wait "$static_checks" || static_status=$?
echo "--- static checks (npm run check:static): $([[ $static_status -eq 0 ]] && echo passed || echo FAILED)"
cat "$reports/static"
((static_status == 0)) || status=1
exit "$status"
