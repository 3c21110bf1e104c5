#!/usr/bin/env bash
# npm run cluster: the site scaled out on this machine, until Ctrl-C. nginx balances two PHP-FPM web nodes that
# share one MariaDB, one Redis object cache and the site's files; each node runs the plugin's jobs on a loop, as a
# system cron would on each server. See the README's "Scale-out" section and bin/cluster-lib.sh.
#
#   CLUSTER_PORT=8900 npm run cluster          the load balancer's port; the five after it serve the rest
#   CLUSTER_OBJECT_CACHE=none npm run cluster  no persistent object cache
#   CLUSTER_REDIS_MAXMEMORY=2mb npm run cluster Redis evicting under memory pressure (allkeys-lru)
#   CLUSTER_LOOPS=0 npm run cluster            no job loops (start them with cluster_loops)
set -euo pipefail
. "$(dirname "$0")/cluster-lib.sh"

base="${CLUSTER_PORT:-8900}"
dir="$CACHE/cluster"

need_dependencies
need_build

stop() {
	trap - INT TERM EXIT
	cluster_down "$dir"
	log "stopped"
	exit 0
}
trap stop INT TERM EXIT

log "starting the cluster in ${dir#"$ROOT"/}"
cluster_up "$dir" "$base"
site=$(cluster_site "$dir")
url=$(cluster_url "$dir")
# Sample pages, published as an editor would: the job loops send them to the chatbot's knowledge by themselves.
question=$(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/sample-content.php") \
	|| die "could not publish the sample pages"
cluster_wp "$dir" causerie widget enable >"$dir/widget.log" 2>&1 \
	|| die "could not turn the chatbot on; see ${dir#"$ROOT"/}/widget.log"

rel=${dir#"$ROOT"/}
cache="Redis on 127.0.0.1:$((base + 5)), no memory limit"
[ "${CLUSTER_REDIS_MAXMEMORY:-0}" = 0 ] || cache="Redis on 127.0.0.1:$((base + 5)), maxmemory $CLUSTER_REDIS_MAXMEMORY, evicting any key (allkeys-lru)"
[ -f "$site/wp-content/object-cache.php" ] || cache="none (CLUSTER_OBJECT_CACHE=none)"
cat <<INFO

  WordPress $(grep -oP "wp_version = '\K[^']+" "$site/wp-includes/version.php") with Causerie Connector, scaled out:

  Load balancer   $url/   nginx, round robin over both nodes (response header X-Causerie-Node: a or b)
  Node a          $(cluster_url "$dir" a)/   PHP-FPM pool ${rel}/node-a/php-fpm.conf
  Node b          $(cluster_url "$dir" b)/   PHP-FPM pool ${rel}/node-b/php-fpm.conf
  Database        MariaDB on 127.0.0.1:$((base + 4)), shared by both nodes (data in ${rel}/mariadb)
  Object cache    $cache
  Job loops       $(cat "$dir/loops"): each node runs \`wp causerie sync run\` and wp-cron.php every ${CLUSTER_LOOP_SECONDS:-3} s (DISABLE_WP_CRON)
  Sandbox API     $(cluster_sandbox_url "$dir")   (client wp-development)

  The chatbot     $url/   ask "$question"
  Log in as       admin / password
  Logs            ${rel}/site/debug.log (PHP), ${rel}/node-a/loop.log, ${rel}/node-a/error.log (FPM), ${rel}/nginx/error.log
  Kill a node     bash -c '. bin/cluster-lib.sh && cluster_node_kill $rel a'   (back: cluster_node_start)

  Ready in $(elapsed)s. Press Ctrl-C to stop.

INFO

# Stay in the foreground while the load balancer runs.
while _cluster_running "$dir/nginx/master.pid"; do sleep 1; done
die "nginx stopped; see ${rel}/nginx/error.log"
