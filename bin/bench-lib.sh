# What the benchmarks share (bin/bench-sync.sh, bin/bench-scale.sh, bin/bench-front.sh). Source it after lib.sh;
# don't run it.
# shellcheck shell=bash

# Seconds since a `date +%s%N` reading, with two decimals.
seconds_since() { awk -v n="$(( $(date +%s%N) - $1 ))" 'BEGIN { printf "%.2f", n / 1e9 }'; }

# WP-CLI on a site, as a request to URL.
#   bench_wp SITE URL ARGS...
bench_wp() { WP_CLI_ALLOW_ROOT=1 "$ROOT/vendor/bin/wp" --path="$1" --url="$2" "${@:3}"; }

# Adds COUNT posts and pages of realistic size to SITE (bin/wp/bench-fill.php), the same text for the same SEED.
# The caller makes sure the plugin queues nothing meanwhile (inactive, or left out of the request).
#   fill_posts SITE URL COUNT SEED LOGFILE
fill_posts() {
	local site=$1 url=$2 count=$3 seed=$4 logfile=$5 t0
	t0=$(date +%s%N)
	(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/bench-fill.php" "$count" "$seed" 2>"$logfile") \
		|| die "filling $site failed; see $logfile"
	log "filled $count posts in $(seconds_since "$t0") s"
}

# The posts a full sync must send (published, no password), counted by bin/wp/bench-export.php.
#   eligible_posts SITE URL
eligible_posts() { (cd "$1" && WP_URL="$2" php "$ROOT/bin/wp/bench-export.php" --count); }

# A full sync by the plugin, measured: `sync start`, then `sync run` as one process under /usr/bin/time (peak
# RSS, wall time), then the sandbox's counters as one JSON line in OUT (bin/bench-sync.mjs measure). Its
# progress bar shows on a terminal.
#   plugin_sync SITE URL SANDBOX ELIGIBLE OUT
plugin_sync() {
	local site=$1 url=$2 sandbox=$3 eligible=$4 json=$5 t0 start rss wall
	node "$ROOT/bin/bench-sync.mjs" clear "$sandbox"
	t0=$(date +%s%N)
	bench_wp "$site" "$url" causerie sync start >"${json%.json}-start.log" 2>&1 \
		|| die "wp causerie sync start failed; see ${json%.json}-start.log"
	start=$(seconds_since "$t0")
	log "plugin sync of $eligible posts: wp causerie sync run"
	WP_CLI_ALLOW_ROOT=1 /usr/bin/time -f '%M %e' -o "${json%.json}.time" "$ROOT/vendor/bin/wp" --path="$site" --url="$url" causerie sync run \
		|| die "wp causerie sync run failed on $eligible posts (exit $?)"
	read -r rss wall <"${json%.json}.time"
	node "$ROOT/bin/bench-sync.mjs" measure "$sandbox" "$eligible" "$rss" "$wall" "$start" >"$json"
}

# The plugin as sites get it, copied to DEST: the release zip's files (bin/plugin-zip.sh), whose production
# autoloader loads no development package, where this working copy's loads PHPUnit's and WP-CLI's functions on
# every request. A site installed with CAUSERIE_PLUGIN_DIR=DEST (bin/wp-site.sh) runs it.
#   release_plugin DEST
release_plugin() {
	"$ROOT/bin/plugin-zip.sh" >/dev/null
	rm -rf "$1"
	cp -r "$CACHE/plugin-zip/causerie-connector" "$1"
}
