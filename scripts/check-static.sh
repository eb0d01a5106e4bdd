#!/usr/bin/env bash
# The static checks on a built tree: types, the type-aware linter, formatting and the dependency rules. They are
# independent, so the linter (the longest, about 1.5 min) runs beside the others; every failure is reported, and the
# script fails if any check does.
set -uo pipefail
cd "$(dirname "$0")/.."

npm run -s lint &
lint=$!
(npm run -s typecheck && npm run -s format:check && npm run -s deps) &
others=$!

status=0
wait "$lint" || { echo "check-static: the linter found problems (npm run lint)" >&2; status=1; }
wait "$others" || { echo "check-static: types, formatting or dependency rules failed (see above)" >&2; status=1; }
exit "$status"
