#!/usr/bin/env bash
# npm run bench:front: time to first byte of the home page with the plugin inactive, active with the widget
# off, and active with the widget on, interleaved in one run on one served site connected to the sandbox
# API; then the widget script's gzipped size. Prints median and p95 of each and the ratio to inactive (goal:
# 1.02× or less); exits non-zero only when the measurement itself failed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bench-lib.sh"

port="${BENCH_PORT:-8897}"
sandbox_port="${BENCH_SANDBOX_PORT:-8898}"
rounds="${BENCH_ROUNDS:-30}"
per_round="${BENCH_REQUESTS:-10}"
url="http://127.0.0.1:$port"
sandbox="http://127.0.0.1:$sandbox_port"
site="$CACHE/sites/bench-front"
sandbox_pidfile="$CACHE/bench-front-sandbox.pid"
samples=$(mktemp -d)

need_php_extensions
need_dependencies
need_build
core=$("$ROOT/bin/get-wordpress.sh" "${WP_SUITE:-sid}")

cleanup() {
	"$ROOT/bin/wp-site.sh" stop "$site"
	stop_sandbox "$sandbox_pidfile"
	rm -rf "$samples"
}
trap cleanup EXIT

start_sandbox "$sandbox_port" "$LOGS/bench-front-sandbox.log" "$sandbox_pidfile"
release_plugin "$site-plugin"
CAUSERIE_PLUGIN_DIR="$site-plugin" FRESH=1 "$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
cp "$ROOT/bin/wp/bench-switch.php" "$site/wp-content/mu-plugins/causerie-bench-switch.php"
# The page's cost, not WP-Cron's: a view that spawns cron would start a second request beside the measured one.
printf '<?php\ndefine( '"'"'DISABLE_WP_CRON'"'"', true );\n' >"$site/wp-config-local.php"
PHP_CLI_SERVER_WORKERS="${BENCH_WORKERS:-4}" "$ROOT/bin/wp-site.sh" serve "$site" "$url"
(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "$sandbox" >/dev/null)

widget() { (cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/widget.php" "$1" "$sandbox"); }

# One request, its time to first byte in milliseconds; any status but 200 stops the run.
ttfb() {
	local out
	out=$(curl -s -o /dev/null -H "X-Causerie-Bench: $1" -w '%{http_code} %{time_starttransfer}' "$url/")
	[ "${out%% *}" = 200 ] || die "the home page answered ${out%% *} ($1)"
	awk -v s="${out#* }" 'BEGIN { printf "%.3f\n", s * 1000 }'
}

log "WordPress on $url with ${BENCH_WORKERS:-4} PHP workers, sandbox on $sandbox_port: $rounds rounds of $per_round requests a case"
# Warm up opcache and the database's pages for every case.
for state in off on; do
	widget "$state"
	for _ in $(seq 5); do ttfb inactive >/dev/null; ttfb active >/dev/null; done
done
for round in $(seq "$rounds"); do
	widget off
	for _ in $(seq "$per_round"); do ttfb inactive >>"$samples/inactive"; done
	for _ in $(seq "$per_round"); do ttfb active >>"$samples/off"; done
	widget on
	for _ in $(seq "$per_round"); do ttfb active >>"$samples/on"; done
	[ $((round % 10)) -ne 0 ] || log "round $round of $rounds"
done

# Median and p95 (nearest rank) of one case's samples.
stats() { sort -n "$samples/$1" | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; p = v[int(NR * 0.95 + 0.999)]; printf "%.2f %.2f %d\n", m, p, NR }'; }
read -r base_median base_p95 count < <(stats inactive)
printf '\nTime to first byte of the home page (ms, %s requests a case, interleaved)\n' "$count"
printf '%-26s %8s %8s %8s\n' case median p95 ratio
for case in inactive off on; do
	read -r median p95 _ < <(stats "$case")
	ratio=$(awk -v m="$median" -v b="$base_median" 'BEGIN { printf "%.3f", m / b }')
	verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.02 ? "PASS" : "MISS") }')
	label=$(case "$case" in inactive) echo "plugin inactive" ;; off) echo "active, widget off" ;; on) echo "active, widget on" ;; esac)
	if [ "$case" = inactive ]; then verdict=""; fi
	printf '%-26s %8s %8s %7s× %s\n' "$label" "$median" "$p95" "$ratio" "$verdict"
done
printf 'goal: active at most 1.02× inactive, by median\n'

printf '\nThe widget script, gzipped (level 9)\n'
script=$(curl -sf "$sandbox/widget/v1/widget.js" | gzip -9 | wc -c) || die "the sandbox served no widget script"
printf '%-40s %7s bytes\n' "sandbox /widget/v1/widget.js" "$script"
shopt -s nullglob
# The consent loader, which the page carries instead of the widget script while it waits for consent.
for loader in "$ROOT"/build/widget-loader/*.js; do
	printf '%-40s %7s bytes\n' "${loader#"$ROOT"/}" "$(gzip -9 <"$loader" | wc -c)"
done
