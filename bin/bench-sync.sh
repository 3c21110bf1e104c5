#!/usr/bin/env bash
# npm run bench:sync: a full knowledge sync of a site of BENCH_POSTS posts (default 10,000) against the
# sandbox API, beside the limit: the same documents uploaded by a minimal Node client with the same batch
# size, in the same run. Prints documents/s, API requests per 100 documents, the worker's peak memory at
# BENCH_POSTS and at a tenth of it, duplicates and missing documents, each with PASS or MISS against issue 12's
# goals. Exits non-zero only when the measurement itself fails.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

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

export WP_CLI_ALLOW_ROOT=1
wp() { "$ROOT/vendor/bin/wp" --path="$1" --url="$url" "${@:2}"; }
seconds_since() { awk -v n="$(( $(date +%s%N) - $1 ))" 'BEGIN { printf "%.2f", n / 1e9 }'; }

# A site holding COUNT posts, as a site owner with content would install the plugin: WordPress alone,
# filled, then the plugin activated and connected. The fill runs without the plugin, so it queues nothing.
# WordPress is never served: `wp causerie sync run` is the only worker, and WP-Cron stays off.
make_site() {
	local site=$1 count=$2 t0
	FRESH=1 STOCK=1 "$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
	printf "<?php\n// bin/bench-sync.sh: the measured process is the only one to run the sync.\ndefine( 'DISABLE_WP_CRON', true );\n" \
		>"$site/wp-config-local.php"
	t0=$(date +%s%N)
	(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/bench-fill.php" "$count" "$seed" 2>"$out/fill.log") \
		|| die "filling $site failed; see $out/fill.log"
	log "filled $count posts in $(seconds_since "$t0") s"
	"$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
	(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "$sandbox" >/dev/null)
}

# A full sync by the plugin on SITE, measured: `sync start`, then `sync run` as one process under
# /usr/bin/time (peak RSS, wall time), then the sandbox's counters. Its progress bar shows on a terminal.
plugin_sync() {
	local site=$1 eligible=$2 label=$3 t0 start rss wall
	node "$ROOT/bin/bench-sync.mjs" clear "$sandbox"
	t0=$(date +%s%N)
	wp "$site" causerie sync start >"$out/$label-start.log" 2>&1 \
		|| die "wp causerie sync start failed; see $out/$label-start.log"
	start=$(seconds_since "$t0")
	log "plugin sync of $eligible posts: wp causerie sync run"
	/usr/bin/time -f '%M %e' -o "$out/$label.time" "$ROOT/vendor/bin/wp" --path="$site" --url="$url" causerie sync run \
		|| die "wp causerie sync run failed on $eligible posts (exit $?)"
	read -r rss wall <"$out/$label.time"
	node "$ROOT/bin/bench-sync.mjs" measure "$sandbox" "$eligible" "$rss" "$wall" "$start" >"$out/$label.json"
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
plugin_sync "$site" "$eligible" large

small=$(( posts / 10 ))
small_site="$CACHE/sites/bench-sync-small"
make_site "$small_site" "$small"
small_eligible=$(cd "$small_site" && WP_URL="$url" php "$ROOT/bin/wp/bench-export.php" /dev/null)
plugin_sync "$small_site" "$small_eligible" small

echo
node "$ROOT/bin/bench-sync.mjs" report "$out/baseline.json" "$out/small.json" "$out/large.json"
