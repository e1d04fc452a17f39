#!/usr/bin/env bash
# Seed corpora for the fuzz targets, generated from the repository (never committed):
#   bundle      the embedded content exported as a bundle, and hostile variants of it
#   snapshot    examples/*.json and every snapshot of tests/vectors/readiness.json
#   diagnose    the vectors' inputs and every FAQ message of the content (ja, en), each with
#               every platform selector byte; lines of the seed page that quote a message
#   user_agent  tests/corpus/user_agents.txt and tests/vectors/user_agents.json
#   browser     the readings of tests/vectors/browser.json, and its page URLs after a 0 byte
# Usage: fuzz/seed-corpora.sh            (writes fuzz/corpus/<target>/, adds to what is there)
# Needs: cargo, jq.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/corpus"
mkdir -p "$out"/{bundle,snapshot,diagnose,user_agent,browser}

# put TARGET: stdin → corpus/TARGET/seed-<hash>
put() {
  local tmp
  tmp="$(mktemp)"
  cat >"$tmp"
  if [ -s "$tmp" ]; then
    mv "$tmp" "$out/$1/seed-$(sha1sum "$tmp" | cut -c1-16)"
  else
    rm -f "$tmp"
  fi
}

# --- bundle -----------------------------------------------------------------------------------
bundle="$(mktemp)"
trap 'rm -f "$bundle"' EXIT
(cd "$root" && cargo run -q -p passkey-ready-cli -- export-bundle) >"$bundle"
put bundle <"$bundle"
jq -c . "$bundle" | put bundle
# Hostile variants: each is refused, and shows the fuzzer where the safety rules are.
for text in '<script>alert(1)</script>' '<a href=\"https://evil.example\">x</a>' \
  'javascript:alert(1)' 'intent://scan/#Intent;end' 'https://www.bank.example/faq' \
  'https://evil.example/' 'foo://bar' 'www.evil.example' '<img src=x onerror=alert(1)>' \
  '\u202etxt.exe' 'tab\there' '<Setting 1>' '<設定1>'; do
  jq -c --arg t "$text" '.locales.ja.title = (("\"" + $t + "\"" | fromjson?) // $t) | .locales.en.title = .locales.ja.title' \
    "$bundle" 2>/dev/null | put bundle || true
done
jq -c '.locales.en.guides[0].parts[0].steps[0].action = "open_url"' "$bundle" | put bundle
jq -c '.schema_version = 3' "$bundle" | put bundle
for f in "$root"/core/content/*.json; do put bundle <"$f"; done

# --- snapshot ---------------------------------------------------------------------------------
for f in "$root"/examples/*.json; do put snapshot <"$f"; done
jq -c '.cases[].snapshot' "$root/tests/vectors/readiness.json" | while IFS= read -r line; do
  printf '%s' "$line" | put snapshot
done

# --- diagnose: a platform selector byte, then the text. The target takes the byte modulo 6:
# '0' (0x30) none, '1' android, '2' ios, '3' ipados, '4' macos, '5' windows.
messages() {
  jq -r '.cases[].input' "$root/tests/vectors/diagnoses.json"
  jq -r '.troubleshooting.faqs[].messages[]' "$root"/core/content/ja.json "$root"/core/content/en.json
  grep -E '「|」' "$root/tests/seed/help_page_ja.txt" || true
}
messages | while IFS= read -r line; do
  [ -n "$line" ] || continue
  for selector in 0 1 2 3 4 5; do
    { printf "\\x3$selector"; printf '%s' "$line"; } | put diagnose
  done
done

# --- user_agent -------------------------------------------------------------------------------
grep -v -E '^(#|$)' "$root/tests/corpus/user_agents.txt" | while IFS= read -r line; do
  printf '%s' "$line" | put user_agent
done
jq -r '.cases[].user_agent' "$root/tests/vectors/user_agents.json" | while IFS= read -r line; do
  printf '%s' "$line" | put user_agent
done

# --- browser: readings JSON, then a 0 byte and a page URL ----------------------------------------
vectors="$root/tests/vectors/browser.json"
jq -c '.snapshots[].readings' "$vectors" | while IFS= read -r line; do
  printf '%s' "$line" | put browser
done
jq -r '(.escape_routes + .refused_routes)[].page_url' "$vectors" | while IFS= read -r line; do
  printf '{}\0%s' "$line" | put browser
done

for t in bundle snapshot diagnose user_agent browser; do
  printf '%-11s %5d files  %s\n' "$t" "$(find "$out/$t" -type f | wc -l)" "$(du -sh "$out/$t" | cut -f1)"
done
