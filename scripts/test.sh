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

# One build for the checks and the tests (`npm run check` and `npm test` each build first when run on their own;
# after `npm ci`, whose `prepare` script builds too, the TypeScript part is already up to date).
npm ci
npm run build

# After the build, the static checks, the unit tests and the browser tests run side by side (decision 0017). On two
# cores each leaves CPU idle that the others can use: the browser tests wait on deadlines, scans and the network, the
# unit tests on servers and PostgreSQL. The browser tests keep the first claim on the CPU, since a few of them time
# what a person would see (countdowns, deadlines); the unit tests, whose time limits are budgets for a busy machine,
# come next (nice 5), and the static checks, which read the tree and write nothing, take what is left (nice 10).
# The unit tests report as they go, the others after them; every check and test runs, and the run fails if any does.
# TEST_PHASES=sequential runs them one after another, as `npm run check:static && npm run test:built` would.
if [[ "${TEST_PHASES:-}" == sequential ]]; then
  npm run check:static
  npm run test:built
  exit 0
fi

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
nice -n 10 npm run -s check:static >"$reports/static" 2>&1 &
static_checks=$!
npm run -s e2e >"$reports/browser" 2>&1 &
browser_tests=$!
echo "Static checks and browser tests running beside the unit tests (their reports follow the unit tests)."

status=0
TZ=UTC nice -n 5 npx vitest run || status=1
report() {
  local name=$1 pid=$2 file=$3 code=0
  wait "$pid" || code=$?
  echo "--- ${name}: $([[ $code -eq 0 ]] && echo passed || echo FAILED)"
  cat "$file"
  return "$code"
}
report "browser tests (npm run e2e)" "$browser_tests" "$reports/browser" || status=1
report "static checks (npm run check:static)" "$static_checks" "$reports/static" || status=1
exit "$status"
