#!/usr/bin/env bash
# npm run bench:screen: time to interactive of Settings → Causerie against core's Settings → General, in
# Debian's Chromium, in the same run, against a real WordPress with the built plugin connected to the
# sandbox API. Prints median and p90 of both and their ratio (target 1.3× or less); exits non-zero only
# when the measurement itself failed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

port="${BENCH_PORT:-8895}"
sandbox_port="${BENCH_SANDBOX_PORT:-8896}"
url="http://127.0.0.1:$port"
site="$CACHE/sites/bench-screen"
sandbox_pidfile="$CACHE/bench-screen-sandbox.pid"

need_php_extensions
need_dependencies
need_chromium
need_build
core=$("$ROOT/bin/get-wordpress.sh" "${WP_SUITE:-sid}")

cleanup() {
	"$ROOT/bin/wp-site.sh" stop "$site"
	if [ -f "$sandbox_pidfile" ]; then kill -- -"$(cat "$sandbox_pidfile")" 2>/dev/null || true; rm -f "$sandbox_pidfile"; fi
}
trap cleanup EXIT

(cd "$ROOT" && CAUSERIE_SANDBOX_PORT=$sandbox_port exec setsid node_modules/.bin/tsx sandbox/cli.ts serve \
	>"$LOGS/bench-screen-sandbox.log" 2>&1 </dev/null) &
echo $! >"$sandbox_pidfile"
FRESH=1 "$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
"$ROOT/bin/wp-site.sh" serve "$site" "$url"
for _ in $(seq 100); do grep -q 'Causerie sandbox API on' "$LOGS/bench-screen-sandbox.log" 2>/dev/null && break; sleep 0.1; done
(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "http://127.0.0.1:$sandbox_port" >/dev/null)

log "WordPress $(grep -oP "wp_version = '\K[^']+" "$site/wp-includes/version.php") on $url, sandbox on $sandbox_port"
WP_URL="$url" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node "$ROOT/bin/bench-screen.mjs"
