#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each (default 300) and prints the
# executions and time of each from libFuzzer's own final lines.
#   fuzz/run.sh [SECONDS] [TARGET...]
# Environment:
#   FUZZ_JOBS=N        run N targets at a time (default 1; 2 on a two-core machine)
#   FUZZ_TOOLCHAIN=T   the nightly toolchain cargo-fuzz builds with (default nightly)
#   FUZZ_SANITIZER=S   none (default: the core has no unsafe code, and without AddressSanitizer
#                      a target runs about four times as many inputs), address (cargo-fuzz's default)
# Corpora grow in fuzz/corpus/<target> (seed them first with fuzz/seed-corpora.sh), logs go
# to fuzz/logs/<target>.log, crashes to fuzz/artifacts/<target>/. Exits 1 if a target fails.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(bundle snapshot diagnose user_agent links bundle_mutations browser)
jobs="${FUZZ_JOBS:-1}"
toolchain="${FUZZ_TOOLCHAIN:-nightly}"
sanitizer="${FUZZ_SANITIZER:-none}"

cd "$here"
mkdir -p logs
[ -d corpus/browser ] || ./seed-corpora.sh
cargo "+$toolchain" fuzz build -s "$sanitizer" || exit 1

# Per target: a dictionary, and lengths beyond the input's limit from the start (libFuzzer
# otherwise grows its length limit slowly: a diagnose run of 5 minutes stayed under 410
# bytes, far from the 2048-byte limit).
options() {
  [ -f "dicts/$1.dict" ] && echo "-dict=dicts/$1.dict"
  case "$1" in
    # Up to the bundle cap (512 KiB, MAX_BUNDLE_BYTES) and a little over, with memory
    # limited: a small bundle must never cost more than a small multiple of itself.
    bundle) echo "-max_len=525312 -len_control=0 -rss_limit_mb=512" ;;
    bundle_mutations) echo "-max_len=4096 -len_control=0 -rss_limit_mb=512" ;;
    diagnose) echo "-max_len=2100 -len_control=0" ;;
    user_agent) echo "-max_len=1100 -len_control=0" ;;
    links) echo "-max_len=512" ;;
    # Readings up to 8192 bytes (MAX_READINGS_BYTES), a 0 byte, a page URL up to 2048.
    browser) echo "-max_len=10300 -len_control=0" ;;
  esac
}

run_one() {
  local t="$1"
  # shellcheck disable=SC2207
  local extra=($(options "$t"))
  mkdir -p "corpus/$t"
  cargo "+$toolchain" fuzz run -s "$sanitizer" "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 "${extra[@]}" \
    >"logs/$t.log" 2>&1
  echo $? >"logs/$t.rc"
}

status=0
running=0
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds}s (log: fuzz/logs/$t.log)"
  rm -f "logs/$t.rc"
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

printf '\n%-11s %14s %9s %10s %8s %s\n' target executions seconds "exec/s" corpus result
for t in "${targets[@]}"; do
  log="logs/$t.log"
  runs="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | awk '{print $2}')"
  secs="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | awk '{print $5}')"
  rate="$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | awk '{print $2}')"
  corpus="$(grep -oE 'corp: [0-9]+/' "$log" | tail -1 | grep -oE '[0-9]+')"
  rc="$(cat "logs/$t.rc" 2>/dev/null || echo 1)"
  if grep -q -E 'Test unit written|panicked|deadly signal|==[0-9]+== ERROR' "$log"; then
    result="CRASH: $(grep -oE 'Test unit written to [^ ]+' "$log" | tail -1)"
    status=1
  elif [ -z "$runs" ] || [ "$rc" -ne 0 ]; then
    result="FAILED (see $log)"
    status=1
  else
    result=ok
  fi
  printf '%-11s %14s %9s %10s %8s %s\n' "$t" "${runs:--}" "${secs:--}" "${rate:--}" "${corpus:--}" "$result"
done
exit "$status"
