# A scaled-out WordPress on one machine: nginx balancing two PHP-FPM nodes that share one MariaDB, one Redis
# object cache and one wp-content, each node with its own job loop (a system cron), and the sandbox API.
# Source it; don't run it. `npm run cluster` (bin/cluster.sh) and the scale-out benchmark use it.
#
#   cluster_up DIR BASE_PORT              everything up, with a fresh site, in DIR (wiped)
#   cluster_down DIR                      everything stopped
#   cluster_node_kill DIR a|b             kill -9 a node's FPM master, its workers and its job loop, mid-work
#   cluster_node_start DIR a|b            the node back (and its job loop, when loops are on)
#   cluster_loops DIR on|off [a|b]        the job loops of both nodes (or one) started or stopped at once
#   cluster_object_cache DIR redis|none [MAXMEMORY]
#                                         the object-cache drop-in in or out; Redis restarted empty, with MAXMEMORY
#   cluster_url DIR [a|b]                 the load balancer's URL, or a node's own
#   cluster_sandbox_url DIR, cluster_site DIR, cluster_mariadb DIR (for mariadb_sql)
#   cluster_wp DIR ARGS...                WP-CLI on the site, e.g. cluster_wp DIR causerie sync start
#
# Ports: BASE nginx (round-robin over both nodes), BASE+1 node a, BASE+2 node b, BASE+3 sandbox, BASE+4 MariaDB,
# BASE+5 Redis. Knobs read by cluster_up: CLUSTER_OBJECT_CACHE=redis|none (redis), CLUSTER_REDIS_MAXMEMORY (0: no
# limit), CLUSTER_LOOPS=1|0 (1); at any time: CLUSTER_LOOP_SECONDS (3), CLUSTER_FPM_CHILDREN (4 workers a node).
# shellcheck shell=bash

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/services.sh"
CLUSTER_LIB="$ROOT/bin/cluster-lib.sh"
CLUSTER_NODES=(a b)

cluster_up() {
	local dir base port core site url sandbox_starting node
	dir=$(realpath -m "$1")
	base=$2
	# DIR is wiped: refuse a folder that is not an earlier cluster's.
	if [ -e "$dir" ] && [ ! -f "$dir/cluster.env" ] && [ -n "$(ls -A "$dir")" ]; then
		die "$dir is not empty and holds no cluster; choose another folder"
	fi
	need_scale_packages
	need_php_extensions
	cluster_down "$dir"
	for port in $(seq "$base" $((base + 5))); do
		! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "port $port is taken; choose another BASE_PORT"
	done
	rm -rf "$dir"
	mkdir -p "$dir"
	echo "$base" >"$dir/cluster.env"
	if [ "${CLUSTER_LOOPS:-1}" = 1 ]; then echo on >"$dir/loops"; else echo off >"$dir/loops"; fi
	site=$(cluster_site "$dir")
	url=$(cluster_url "$dir")

	log "cluster in $dir: MariaDB on $((base + 4)), sandbox API on $((base + 3))"
	# The sandbox starts (Node and tsx: seconds) while MariaDB does.
	start_sandbox $((base + 3)) "$dir/sandbox.log" "$dir/sandbox.pid" &
	sandbox_starting=$!
	start_mariadb "$(cluster_mariadb "$dir")" wordpress $((base + 4))
	core=$("$ROOT/bin/get-wordpress.sh" "${WP_SUITE:-sid}")
	wait "$sandbox_starting" || die "the sandbox API did not start; see $dir/sandbox.log"
	log "installing WordPress"
	# Installed once, over TCP: the database is a server of its own, which every web node reaches.
	CAUSERIE_DB=mariadb CAUSERIE_DB_HOST="127.0.0.1:$((base + 4))" "$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
	cat >"$site/wp-config-local.php" <<PHP
<?php
// Written by bin/cluster-lib.sh. Cron runs from each node's job loop, as a system cron would, never from page views.
define( 'DISABLE_WP_CRON', true );
// The Redis object cache, used while wp-content/object-cache.php is there (cluster_object_cache).
define( 'CAUSERIE_REDIS_HOST', '127.0.0.1' );
define( 'CAUSERIE_REDIS_PORT', $((base + 5)) );
define( 'WP_CACHE_KEY_SALT', 'causerie-cluster-$base:' );
PHP
	(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "$(cluster_sandbox_url "$dir")" >/dev/null) \
		|| die "could not store the sandbox client in the plugin"
	# Filled only now, so that the cache starts from what the database holds.
	cluster_object_cache "$dir" "${CLUSTER_OBJECT_CACHE:-redis}" "${CLUSTER_REDIS_MAXMEMORY:-0}"
	log "nodes a and b (PHP-FPM), nginx on $base, $((base + 1)) and $((base + 2))"
	_cluster_nginx_config "$dir"
	for node in "${CLUSTER_NODES[@]}"; do cluster_node_start "$dir" "$node"; done
	mkdir -p "$dir/nginx/tmp"
	(exec setsid nginx -p "$dir/nginx/" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" -g 'daemon off;' \
		</dev/null >>"$dir/nginx/error.log" 2>&1) &
	echo $! >"$dir/nginx/master.pid"
	disown $!
	for port in "$base" $((base + 1)) $((base + 2)); do
		_cluster_wait_http "http://127.0.0.1:$port/wp-login.php" || die "nginx did not answer on $port; see $dir/nginx/error.log"
	done
}

cluster_down() {
	local dir node
	dir=$(realpath -m "$1")
	[ -f "$dir/cluster.env" ] || return 0
	for node in "${CLUSTER_NODES[@]}"; do
		_cluster_stop_group "$dir/node-$node/loop.pid"
		_cluster_stop_group "$dir/node-$node/master.pid"
	done
	_cluster_stop_group "$dir/nginx/master.pid"
	stop_sandbox "$dir/sandbox.pid"
	stop_redis "$dir/redis"
	stop_mariadb "$(cluster_mariadb "$dir")"
}

cluster_node_kill() {
	local dir node=$2
	dir=$(realpath -m "$1")
	_cluster_node "$node"
	_cluster_stop_group "$dir/node-$node/loop.pid" KILL
	_cluster_stop_group "$dir/node-$node/master.pid" KILL
}

# A node's FPM master with its pool: its own config, socket, pid file and error log, and the node's name in the
# environment of the PHP it runs. Root may run it as root (-R): the site's files are root's here.
cluster_node_start() {
	local dir node=$2 home fpm run_as_root=()
	dir=$(realpath -m "$1")
	_cluster_node "$node"
	home="$dir/node-$node"
	mkdir -p "$home"
	fpm="php-fpm$(php -r 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;')"
	[ "$(id -u)" -ne 0 ] || run_as_root=(-R)
	if ! _cluster_running "$home/master.pid"; then
		cat >"$home/php-fpm.conf" <<CONF
; Written by bin/cluster-lib.sh: web node $node.
[global]
pid = $home/php-fpm.pid
error_log = $home/error.log
daemonize = no

[node-$node]
listen = $home/php-fpm.sock
listen.mode = 0666
pm = static
pm.max_children = ${CLUSTER_FPM_CHILDREN:-4}
catch_workers_output = yes
env[CAUSERIE_NODE] = $node
php_admin_value[memory_limit] = 512M
php_admin_value[upload_max_filesize] = 64M
php_admin_value[post_max_size] = 64M
CONF
		rm -f "$home/php-fpm.sock"
		(exec setsid "$fpm" --fpm-config "$home/php-fpm.conf" --nodaemonize "${run_as_root[@]}" \
			</dev/null >>"$home/error.log" 2>&1) &
		echo $! >"$home/master.pid"
	# Killed on purpose at times: not a job of this shell to report on.
	disown $!
		for _ in $(seq 100); do [ -S "$home/php-fpm.sock" ] && break; sleep 0.1; done
		[ -S "$home/php-fpm.sock" ] || die "PHP-FPM of node $node did not start; see $home/error.log"
	fi
	[ "$(cat "$dir/loops")" = off ] || _cluster_loop_start "$dir" "$node"
}

cluster_loops() {
	local dir state=$2 node nodes=("${CLUSTER_NODES[@]}")
	dir=$(realpath -m "$1")
	[ -z "${3:-}" ] || { _cluster_node "$3"; nodes=("$3"); }
	case "$state" in
		on) for node in "${nodes[@]}"; do
				_cluster_running "$dir/node-$node/master.pid" && _cluster_loop_start "$dir" "$node"
			done ;;
		off) for node in "${nodes[@]}"; do _cluster_stop_group "$dir/node-$node/loop.pid"; done ;;
		*) die "cluster_loops: on or off, not $state" ;;
	esac
	# A node started later follows what was asked for both; one node alone leaves that as it was.
	[ -n "${3:-}" ] || echo "$state" >"$dir/loops"
}

cluster_object_cache() {
	local dir mode=$2 maxmemory=${3:-0} dropin
	dir=$(realpath -m "$1")
	dropin="$(cluster_site "$dir")/wp-content/object-cache.php"
	# Out first: no request meets the drop-in while Redis restarts.
	rm -f "$dropin"
	case "$mode" in
		redis)
			[ -f "$ROOT/tests/object-cache/object-cache.php" ] || die "tests/object-cache/object-cache.php is missing"
			start_redis "$dir/redis" $(($(_cluster_base "$dir") + 5)) "$maxmemory"
			cp "$ROOT/tests/object-cache/object-cache.php" "$dropin" ;;
		none) stop_redis "$dir/redis" ;;
		*) die "cluster_object_cache: redis or none, not $mode" ;;
	esac
}

cluster_url() {
	local offset=0
	case "${2:-}" in '') ;; a) offset=1 ;; b) offset=2 ;; *) die "cluster_url: node a or b, not $2" ;; esac
	echo "http://127.0.0.1:$(($(_cluster_base "$1") + offset))"
}
cluster_sandbox_url() { echo "http://127.0.0.1:$(($(_cluster_base "$1") + 3))"; }
cluster_site() { echo "$(realpath -m "$1")/site"; }
cluster_wp() {
	WP_CLI_ALLOW_ROOT=1 "$ROOT/vendor/bin/wp" --path="$(cluster_site "$1")" --url="$(cluster_url "$1")" "${@:2}"
}
cluster_mariadb() { echo "$(realpath -m "$1")/mariadb"; }

# A node's system cron: the plugin's sync and WordPress's cron (through the node's own port), every few seconds.
# The rounds the running loop has finished are in DIR/node-N/loop.rounds, so a check can wait for a round that started
# after an event.
cluster_job_loop() {
	local dir=$1 node=$2 rounds=0
	while :; do
		log "node $node: wp causerie sync run"
		CAUSERIE_NODE=$node cluster_wp "$dir" causerie sync run || log "node $node: wp causerie sync run exited $?"
		curl -s -o /dev/null --max-time 300 "$(cluster_url "$dir" "$node")/wp-cron.php?doing_wp_cron" \
			|| log "node $node: wp-cron.php did not answer"
		rounds=$((rounds + 1))
		echo "$rounds" >"$dir/node-$node/loop.rounds"
		sleep "${CLUSTER_LOOP_SECONDS:-3}"
	done
}

_cluster_loop_start() {
	local dir=$1 node=$2
	_cluster_running "$dir/node-$node/loop.pid" && return 0
	rm -f "$dir/node-$node/loop.rounds"
	(exec setsid bash -c '. "$0" && cluster_job_loop "$1" "$2"' "$CLUSTER_LIB" "$dir" "$node" \
		</dev/null >>"$dir/node-$node/loop.log" 2>&1) &
	echo $! >"$dir/node-$node/loop.pid"
	disown $!
}

# nginx: the load balancer on BASE, and each node's own port. Every port passes the site's host and port to PHP (Debian's
# fastcgi_params pass the host without its port), so a node's own port answers as the site instead of redirecting.
_cluster_nginx_config() {
	local dir=$1 base site
	base=$(_cluster_base "$dir")
	site=$(cluster_site "$dir")
	mkdir -p "$dir/nginx"
	{
		[ "$(id -u)" -ne 0 ] || echo 'user root;'
		cat <<CONF
# Written by bin/cluster-lib.sh.
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 4096; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	sendfile on;
	client_max_body_size 64m;
	client_body_temp_path $dir/nginx/tmp/body;
	fastcgi_temp_path $dir/nginx/tmp/fastcgi;
	proxy_temp_path $dir/nginx/tmp/proxy;
	uwsgi_temp_path $dir/nginx/tmp/uwsgi;
	scgi_temp_path $dir/nginx/tmp/scgi;
	# Which node answered: the last socket tried (a failed node's is listed first). Files nginx serves itself have none.
	map \$upstream_addr \$causerie_node {
		default "";
		"~node-a/php-fpm\\.sock\$" a;
		"~node-b/php-fpm\\.sock\$" b;
	}
	# Round robin; the zone shares its turn between nginx's workers, so requests alternate strictly.
	upstream causerie_nodes {
		zone causerie_nodes 64k;
		server unix:$dir/node-a/php-fpm.sock;
		server unix:$dir/node-b/php-fpm.sock;
	}
CONF
		_cluster_nginx_server "$base" causerie_nodes "$site" "127.0.0.1:$base"
		_cluster_nginx_server $((base + 1)) "unix:$dir/node-a/php-fpm.sock" "$site" "127.0.0.1:$base"
		_cluster_nginx_server $((base + 2)) "unix:$dir/node-b/php-fpm.sock" "$site" "127.0.0.1:$base"
		echo '}'
	} >"$dir/nginx/nginx.conf"
}

#   _cluster_nginx_server PORT FASTCGI_PASS SITE HOST
_cluster_nginx_server() {
	cat <<CONF
	server {
		listen 127.0.0.1:$1;
		root $3;
		index index.php;
		add_header X-Causerie-Node \$causerie_node always;
		# WordPress's pretty permalinks: a file or folder if there is one, else index.php.
		location / { try_files \$uri \$uri/ /index.php?\$args; }
		location ~ \\.php\$ {
			try_files \$uri =404;
			include /etc/nginx/fastcgi_params;
			fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
			fastcgi_param HTTP_HOST $4;
			fastcgi_read_timeout 300s;
			fastcgi_pass $2;
		}
	}
CONF
}

_cluster_base() {
	[ -f "$(realpath -m "$1")/cluster.env" ] || die "no cluster in $1 (cluster_up first)"
	cat "$(realpath -m "$1")/cluster.env"
}
_cluster_node() { [ "$1" = a ] || [ "$1" = b ] || die "node a or b, not $1"; }
_cluster_running() { [ -f "$1" ] && _cluster_alive "$(cat "$1")"; }
# Alive and not a zombie: a killed process lingers as one until something reaps it.
_cluster_alive() {
	local stat
	stat=$(ps -o stat= -p "$1" 2>/dev/null) && [ "${stat:0:1}" != Z ]
}

# Stops the process group whose leader's pid is in PIDFILE (TERM, then KILL after 10 s; or KILL at once).
#   _cluster_stop_group PIDFILE [KILL]
_cluster_stop_group() {
	local pidfile=$1 signal=${2:-TERM} pid
	[ -f "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	kill -s "$signal" -- -"$pid" 2>/dev/null || true
	for _ in $(seq 100); do _cluster_alive "$pid" || break; sleep 0.1; done
	kill -s KILL -- -"$pid" 2>/dev/null || true
	rm -f "$pidfile"
}

_cluster_wait_http() {
	for _ in $(seq 150); do curl -s -o /dev/null --max-time 2 "$1" && return 0; sleep 0.1; done
	return 1
}
