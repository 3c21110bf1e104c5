#!/usr/bin/env bash
# npm run bench:scale: the plugin on a scaled-out WordPress (bin/cluster-lib.sh: nginx over two PHP-FPM nodes,
# one MariaDB, a Redis object cache, a job loop a node), five benchmarks, each beside its baseline from the same
# run, then one markdown table with PASS or MISS against each goal:
#   1. single flight across nodes: a burst of token requests with the token expired, fresh as the baseline;
#      without an object cache, with Redis, and with Redis evicting;
#   2. the queue across nodes: a full sync by both nodes' job loops, one node's as the baseline;
#   3. a node killed mid-sync and started again;
#   4. visitors: home page and a single post, plugin inactive / widget off / widget on, interleaved;
#   5. a sync worker's peak memory at a tenth of the posts and at all of them.
# Exits non-zero only when the measurement itself fails; stops everything it started on the way out.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bench-lib.sh"
. "$(dirname "$0")/cluster-lib.sh"

base="${BENCH_SCALE_PORT:-8920}"
posts="${BENCH_SCALE_POSTS:-10000}"
small=$(( posts / 10 ))
evict_maxmemory="${BENCH_SCALE_EVICT_MAXMEMORY:-2mb}"
kill_after="${BENCH_SCALE_KILL_AFTER:-20}"
sync_timeout="${BENCH_SCALE_SYNC_TIMEOUT:-900}"
dir="$CACHE/bench-scale"
out="$dir-results"

need_dependencies
need_build
[ -x /usr/bin/time ] || need_debian_packages time
trap 'cluster_down "$dir"' EXIT
rm -rf "$out"
mkdir -p "$out"

log "the release's files, for the nodes to run (bin/plugin-zip.sh)"
release_plugin "$dir-plugin"
export CAUSERIE_PLUGIN_DIR="$dir-plugin"
log "cluster on $base (nginx), nodes on $((base + 1)) and $((base + 2)), sandbox on $((base + 3))"
CLUSTER_LOOPS=0 CLUSTER_OBJECT_CACHE=none cluster_up "$dir" "$base"
site=$(cluster_site "$dir")
url=$(cluster_url "$dir")
sandbox=$(cluster_sandbox_url "$dir")
cp "$ROOT/bin/wp/bench-switch.php" "$site/wp-content/mu-plugins/causerie-bench-switch.php"
cp "$ROOT/bin/wp/bench-queries.php" "$site/wp-content/mu-plugins/causerie-bench-queries.php"
export WP_URL="$url" SANDBOX_URL="$sandbox" SITE_DIR="$site" CLUSTER_DIR="$dir" ROOT

# 1. Single flight, in three object-cache set-ups. The job loops are off: only the burst asks for a token.
for variant in none redis evicting; do
	case "$variant" in
		none) cluster_object_cache "$dir" none ;;
		redis) cluster_object_cache "$dir" redis ;;
		evicting) cluster_object_cache "$dir" redis "$evict_maxmemory" ;;
	esac
	log "1. single flight, object cache: $variant"
	pressure=()
	[ "$variant" != evicting ] || pressure=(env PRESSURE_REDIS_PORT=$((base + 5)))
	"${pressure[@]}" node "$ROOT/bin/bench-scale/flight.mjs" "$variant" >"$out/flight-$variant.json"
done

# The posts, added with the plugin left out of the filling process (bin/wp/bench-switch.php), so that nothing
# is queued: as on a site that installs the plugin with its content. Filling takes minutes, so the posts' tables
# are kept as a dump, per size, seed, filler and WordPress, and later runs load that instead. No object cache
# meanwhile: Redis starts empty once the posts are in.
fills="$CACHE/bench-scale-fills"
posts_tables=(wp_posts wp_postmeta wp_terms wp_term_taxonomy wp_termmeta wp_term_relationships)
fill_key="$(sha1sum "$ROOT/bin/wp/bench-fill.php" | cut -c1-8)-$(php -r 'require $argv[1]; echo $wp_version;' "$site/wp-includes/version.php")"
fill() {
	local count=$1 seed=$2 db
	db=$(cluster_mariadb "$dir")
	fill_key="$fill_key-$count-$seed"
	mkdir -p "$fills"
	if [ -f "$fills/$fill_key.sql.gz" ]; then
		gunzip -c "$fills/$fill_key.sql.gz" | mariadb --no-defaults --socket="$db/mysqld.sock" -uroot wordpress
		log "loaded $count more posts from $fills/$fill_key.sql.gz"
	else
		HTTP_X_CAUSERIE_BENCH=inactive fill_posts "$site" "$url" "$count" "$seed" "$out/fill-$count.log"
		mariadb-dump --no-defaults --socket="$db/mysqld.sock" -uroot wordpress "${posts_tables[@]}" | gzip -1 >"$fills/$fill_key.sql.gz.tmp"
		mv "$fills/$fill_key.sql.gz.tmp" "$fills/$fill_key.sql.gz"
	fi
}
cluster_object_cache "$dir" none
fill "$small" 12
cluster_object_cache "$dir" redis
small_eligible=$(eligible_posts "$site" "$url")

# 4. Visitors, on the site of $small posts: the latest post as the single post. The queries are counted with
# the Redis object cache and without one.
post=$(curl -s -o /dev/null -w '%{redirect_url}' "$url/?p=$(mariadb_sql "$(cluster_mariadb "$dir")" \
	"SELECT MAX(ID) FROM wordpress.wp_posts WHERE post_type = 'post' AND post_status = 'publish' AND post_password = ''")")
[ -n "$post" ] || die "no single post to visit"
log "4. visitors: / and ${post#"$url"}, ${BENCH_SCALE_VISIT_SECONDS:-30} s a case and page"
node "$ROOT/bin/bench-scale/visitors.mjs" "${post#"$url"}" >"$out/visitors.json"
cluster_object_cache "$dir" none
node "$ROOT/bin/bench-scale/visitors.mjs" "${post#"$url"}" --queries >"$out/visitors-uncached.json"
cluster_object_cache "$dir" redis

# 5. Memory: one sync worker, alone, at $small posts and at $posts.
log "5. memory: a full sync of $small_eligible posts by one worker"
plugin_sync "$site" "$url" "$sandbox" "$small_eligible" "$out/memory-small.json" </dev/null >"$out/memory-small.log"
cluster_object_cache "$dir" none
fill $(( posts - small )) 13
cluster_object_cache "$dir" redis
eligible=$(eligible_posts "$site" "$url")
log "5. memory: a full sync of $eligible posts by one worker"
plugin_sync "$site" "$url" "$sandbox" "$eligible" "$out/memory-large.json" </dev/null >"$out/memory-large.log"

# Whether a full sync is still running: its state option names one (Sync_State, serialized by WordPress).
syncing() {
	mariadb_sql "$(cluster_mariadb "$dir")" \
		"SELECT option_value FROM wordpress.wp_options WHERE option_name = 'causerie_connector_sync'" | grep -q 's:3:"run";'
}
# The machine's CPU time so far, in clock ticks: busy (user, nice, system, irq, softirq, steal), then in all;
# then the CPU seconds of the cluster's processes alone (the sandbox, MariaDB, Redis, nginx, the nodes and their
# job loops, with every process they started).
cpu_ticks() {
	awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; printf "%d %d ", busy, busy + $5 + $6 }' /proc/stat
	node "$ROOT/bin/bench-scale/cpu.mjs" "$dir"
}
held() { node "$ROOT/bin/bench-sync.mjs" measure "$sandbox" "$eligible" 0 1 0 | node -p 'JSON.parse(require("fs").readFileSync(0)).held'; }

# A full sync sent by the job loops that are on, until it ends (or BENCH_SCALE_SYNC_TIMEOUT), measured from
# `sync start`. With KILL, node a is killed once KILL percent of the documents are held, and started again.
#   loops_sync LABEL [KILL]
loops_sync() {
	local label=$1 kill=${2:-} t0 killed=0 killed_at= busy0 all0 cluster0 busy1 all1 cluster1
	node "$ROOT/bin/bench-sync.mjs" clear "$sandbox"
	t0=$(date +%s%N)
	read -r busy0 all0 cluster0 < <(cpu_ticks)
	cluster_wp "$dir" causerie sync start >"$out/$label-start.log" 2>&1 \
		|| die "wp causerie sync start failed; see $out/$label-start.log"
	while syncing; do
		if [ -n "$kill" ] && [ "$killed" = 0 ] && [ "$(held)" -ge $(( eligible * kill / 100 )) ]; then
			cluster_node_kill "$dir" a
			killed_at=$(date +%s%N)
			killed=1
			log "3. node a killed with $(held) of $eligible documents held"
			sleep 2
			cluster_node_start "$dir" a
			log "3. node a started again"
		fi
		if [ "$(seconds_since "$t0" | cut -d. -f1)" -ge "$sync_timeout" ]; then
			log "the full sync did not end within $sync_timeout s; measuring it as it stands"
			break
		fi
		sleep 1
	done
	read -r busy1 all1 cluster1 < <(cpu_ticks)
	node "$ROOT/bin/bench-sync.mjs" measure "$sandbox" "$eligible" 0 "$(seconds_since "$t0")" 0 >"$out/$label.json"
	printf '{"ended": %s, "afterKill": %s, "cpuSeconds": %s, "cpuBusy": %s}\n' "$(syncing && echo false || echo true)" \
		"$([ -n "$killed_at" ] && seconds_since "$killed_at" || echo null)" \
		"$(awk -v a="$cluster0" -v b="$cluster1" 'BEGIN { printf "%.2f", b - a }')" \
		"$(awk -v b="$(( busy1 - busy0 ))" -v a="$(( all1 - all0 ))" 'BEGIN { printf "%.3f", (a > 0 ? b / a : 0) }')" \
		>"$out/$label-run.json"
}

# 2. The queue: node a's job loop alone, then both nodes'.
log "2. queue: a full sync of $eligible posts by node a's job loop"
cluster_loops "$dir" on a
loops_sync queue-one
cluster_loops "$dir" off
log "2. queue: a full sync of $eligible posts by both nodes' job loops"
cluster_loops "$dir" on
loops_sync queue-two

# 3. A node dies mid-sync.
log "3. node a killed mid-sync (after $kill_after% of the documents)"
loops_sync node-killed "$kill_after"
cluster_loops "$dir" off

echo
node "$ROOT/bin/bench-scale/report.mjs" "$out" "$(nproc)"
