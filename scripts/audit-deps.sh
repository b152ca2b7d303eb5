#!/usr/bin/env bash
# npm audit of the production dependencies: fails on a high or critical advisory. Where the registry's audit
# endpoint cannot be reached (this build machine answers 405: it mirrors packages, not advisories), it says so
# and passes, so the check is enforced wherever the endpoint answers and never silently claimed where it does not.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(npm audit --omit=dev --audit-level=high 2>&1)
status=$?
if [ $status -eq 0 ]; then
  echo "npm audit: no high or critical advisories in production dependencies"
  exit 0
fi
if grep -q "audit endpoint returned an error\|ENOTFOUND\|ECONNREFUSED\|Method Not Allowed" <<<"$out"; then
  echo "npm audit: NOT CHECKED — the registry's advisory endpoint is unreachable here:"
  grep -m1 "npm warn audit\|npm error" <<<"$out"
  exit 0
fi
echo "$out"
exit $status
