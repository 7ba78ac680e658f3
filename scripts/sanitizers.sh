#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own build
# folder (.build-asan, .build-tsan). The end-to-end tests run the sanitized `cchc` too.
# LeakSanitizer is off: the Swift runtime and Foundation keep allocations alive until exit,
# which it would report; memory errors and data races are what this script looks for.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1"
echo "== AddressSanitizer"
swift test --sanitize=address --scratch-path .build-asan 2>&1 | tee "$log"
asan_skipped=$(grep -c "skipped" "$log" || true)

export TSAN_OPTIONS="halt_on_error=1"
# TSan's runtime cannot start under `ulimit -f`: the full-disk tests skip themselves.
export CCHC_SANITIZER=thread
echo "== ThreadSanitizer"
swift test --sanitize=thread --scratch-path .build-tsan 2>&1 | tee "$log"
tsan_skipped=$(grep "skipped" "$log" | sed -E 's/^[^A-Za-z]*//' | sort -u || true)

echo "== Sanitizers: what did not run"
echo "AddressSanitizer: $asan_skipped suites or tests skipped."
if [ -n "$tsan_skipped" ]; then
  echo "ThreadSanitizer skipped (they ran under AddressSanitizer):"
  echo "$tsan_skipped"
else
  echo "ThreadSanitizer: nothing skipped."
fi
