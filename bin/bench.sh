#!/usr/bin/env bash
# npm run bench: 50 concurrent requests that all need a token, against a real WordPress with 4 PHP workers
# and the sandbox API, while the cached token is expired. Prints how many token requests reached the API
# (single flight: 1) and latency percentiles, beside a run without contention.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

port="${BENCH_PORT:-8883}"
sandbox_port="${BENCH_SANDBOX_PORT:-8879}"
url="http://127.0.0.1:$port"
site="$CACHE/sites/bench"
sandbox_pidfile="$CACHE/bench-sandbox.pid"

need_php_extensions
need_dependencies
need_build
core=$("$ROOT/bin/get-wordpress.sh" "${WP_SUITE:-sid}")

cleanup() {
	"$ROOT/bin/wp-site.sh" stop "$site"
	stop_sandbox "$sandbox_pidfile"
}
trap cleanup EXIT

start_sandbox "$sandbox_port" "$LOGS/bench-sandbox.log" "$sandbox_pidfile"
FRESH=1 "$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
PHP_CLI_SERVER_WORKERS="${BENCH_WORKERS:-4}" "$ROOT/bin/wp-site.sh" serve "$site" "$url"
(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "http://127.0.0.1:$sandbox_port" >/dev/null)

log "WordPress on $url with ${BENCH_WORKERS:-4} PHP workers, sandbox on $sandbox_port"
WP_URL="$url" SANDBOX_URL="http://127.0.0.1:$sandbox_port" SITE_DIR="$site" ROOT="$ROOT" node "$ROOT/bin/bench.mjs"
