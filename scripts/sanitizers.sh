#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own build
# folder (.build-asan, .build-tsan). The end-to-end tests run the sanitized `cchc` too.
# LeakSanitizer is off: the Swift runtime and Foundation keep allocations alive until exit,
# which it would report; memory errors and data races are what this script looks for.
set -euo pipefail
cd "$(dirname "$0")/.."

export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1"
echo "== AddressSanitizer"
swift test --sanitize=address --scratch-path .build-asan

export TSAN_OPTIONS="halt_on_error=1"
# TSan's runtime cannot start under `ulimit -f`: the full-disk tests skip themselves.
export CCHC_SANITIZER=thread
echo "== ThreadSanitizer"
swift test --sanitize=thread --scratch-path .build-tsan
