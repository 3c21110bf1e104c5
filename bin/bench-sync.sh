#!/usr/bin/env bash
# npm run bench:sync: a full knowledge sync of a site of BENCH_POSTS posts (default 10,000) against the
# sandbox API, beside the limit: the same documents uploaded by a minimal Node client with the same batch
# size, in the same run. Prints documents/s, API requests per 100 documents, the worker's peak memory at
# BENCH_POSTS and at a tenth of it, duplicates and missing documents, each with PASS or MISS against issue 12's
# goals. Exits non-zero only when the measurement itself fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bench-lib.sh"

port="${BENCH_PORT:-8885}"
sandbox_port="${BENCH_SANDBOX_PORT:-8886}"
posts="${BENCH_POSTS:-10000}"
seed="${BENCH_SEED:-12}"
url="http://127.0.0.1:$port"
sandbox="http://127.0.0.1:$sandbox_port"
out="$CACHE/bench-sync"
sandbox_pidfile="$CACHE/bench-sync-sandbox.pid"

need_php_extensions
need_dependencies
need_build
[ -x /usr/bin/time ] || need_debian_packages time
core=$("$ROOT/bin/get-wordpress.sh" "${WP_SUITE:-sid}")
mkdir -p "$out"
rm -f "$out"/*.json

trap 'stop_sandbox "$sandbox_pidfile"' EXIT
start_sandbox "$sandbox_port" "$LOGS/bench-sync-sandbox.log" "$sandbox_pidfile"

wp() { bench_wp "$1" "$url" "${@:2}"; }

# A site holding COUNT posts, as a site owner with content would install the plugin: WordPress alone,
# filled, then the plugin activated and connected. The fill runs without the plugin, so it queues nothing.
# WordPress is never served: `wp causerie sync run` is the only worker, and WP-Cron stays off.
make_site() {
	local site=$1 count=$2
	FRESH=1 STOCK=1 "$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
	printf "<?php\n// bin/bench-sync.sh: the measured process is the only one to run the sync.\ndefine( 'DISABLE_WP_CRON', true );\n" \
		>"$site/wp-config-local.php"
	fill_posts "$site" "$url" "$count" "$seed" "$out/fill.log"
	"$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
	(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "$sandbox" >/dev/null)
}

site="$CACHE/sites/bench-sync"
make_site "$site" "$posts"
eligible=$(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/bench-export.php" "$out/documents.jsonl")
log "exported $eligible eligible documents ($(du -h "$out/documents.jsonl" | cut -f1))"

node "$ROOT/bin/bench-sync.mjs" clear "$sandbox"
node "$ROOT/bin/bench-sync-baseline.mjs" "$sandbox" "$out/documents.jsonl" >"$out/baseline.json"
log "limit: $(cat "$out/baseline.json")"

wp "$site" cli has-command "causerie sync" 2>/dev/null \
	|| die "this plugin has no \`wp causerie sync\` command yet (issue 12): only the limit above was measured"
plugin_sync "$site" "$url" "$sandbox" "$eligible" "$out/large.json"

small=$(( posts / 10 ))
small_site="$CACHE/sites/bench-sync-small"
make_site "$small_site" "$small"
small_eligible=$(eligible_posts "$small_site" "$url")
plugin_sync "$small_site" "$url" "$sandbox" "$small_eligible" "$out/small.json"

echo
node "$ROOT/bin/bench-sync.mjs" report "$out/baseline.json" "$out/small.json" "$out/large.json"
