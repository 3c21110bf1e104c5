# The server pieces of a scaled-out site, each in a private folder on its own port, never the system's own
# services: MariaDB, Redis, and what they need. Source it after lib.sh; don't run it.
# shellcheck shell=bash

# Debian's packages for the scale-out stack (12 s on a fresh machine); faketime runs a race's process with its
# clock off, as a web server's can be.
need_scale_packages() {
	need_debian_packages nginx php8.2-fpm mariadb-server mariadb-client redis-server redis-tools php8.2-redis php8.2-mysql php8.2-curl php8.2-xml php8.2-mbstring php8.2-intl faketime
}

# Starts a MariaDB server with its data in DIR and its socket at DIR/mysqld.sock (and on 127.0.0.1:PORT when
# PORT is given), with a database DB and a user wordpress / wordpress allowed everything on it. A DIR already
# initialised keeps its data; a server already running there is reused.
#   start_mariadb DIR DB [PORT]
start_mariadb() {
	local dir=$1 db=$2 port=${3:-} network=(--skip-networking)
	need_debian_packages mariadb-server mariadb-client "php$(php -r 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;')-mysql"
	mkdir -p "$dir"
	if [ ! -d "$dir/data/mysql" ]; then
		# Its own tmpdir: two installs at once would otherwise meet on the same temporary tables in /tmp.
		mkdir -p "$dir/tmp"
		mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$dir/data" --tmpdir="$dir/tmp" --skip-test-db \
			--auth-root-authentication-method=socket >"$dir/install.log" 2>&1 \
			|| die "could not initialise MariaDB in $dir; see $dir/install.log"
	fi
	[ -z "$port" ] || network=(--port="$port" --bind-address=127.0.0.1)
	if ! { [ -f "$dir/mysqld.pid" ] && kill -0 "$(cat "$dir/mysqld.pid")" 2>/dev/null; }; then
		(exec setsid mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$dir/mysqld.sock" \
			"${network[@]}" --tmpdir="$dir/tmp" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" --skip-log-bin \
			--innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --max-connections=500 \
			</dev/null >/dev/null 2>&1) &
		for _ in $(seq 300); do mariadb_sql "$dir" 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.1; done
	fi
	mariadb_sql "$dir" "CREATE DATABASE IF NOT EXISTS \`$db\`;
		CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
		CREATE USER IF NOT EXISTS 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress';
		GRANT ALL ON \`$db\`.* TO 'wordpress'@'localhost';
		GRANT ALL ON \`$db\`.* TO 'wordpress'@'127.0.0.1';" 2>>"$dir/error.log" \
		|| die "MariaDB did not start in $dir; see $dir/error.log"
}

# Runs SQL on a MariaDB started by start_mariadb, as root over its socket.
#   mariadb_sql DIR SQL...
mariadb_sql() {
	local dir=$1
	shift
	mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -N -B -e "$*"
}

# Stops a MariaDB started by start_mariadb, and waits until it has let go of its files.
#   stop_mariadb DIR
stop_mariadb() {
	stop_pidfile "$1/mysqld.pid" 30
}

# Starts a Redis server on 127.0.0.1:PORT with nothing saved to disk. With MAXMEMORY (for example 2mb) it
# evicts any key under memory pressure (allkeys-lru), as a crowded shared cache does.
#   start_redis DIR PORT [MAXMEMORY]
start_redis() {
	local dir=$1 port=$2 maxmemory=${3:-0}
	mkdir -p "$dir"
	stop_redis "$dir"
	(exec setsid redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
		--pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --maxmemory "$maxmemory" \
		--maxmemory-policy allkeys-lru </dev/null >/dev/null 2>&1) &
	for _ in $(seq 100); do
		[ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && return 0
		sleep 0.1
	done
	die "Redis did not start on port $port; see $dir/redis.log"
}

# Stops a Redis started by start_redis.
#   stop_redis DIR
stop_redis() {
	stop_pidfile "$1/redis.pid" 10
}

# Stops the server whose pid PIDFILE holds, waiting up to SECONDS for it to let go of its files.
#   stop_pidfile PIDFILE SECONDS
stop_pidfile() {
	local pidfile=$1 seconds=$2 pid
	[ -f "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	kill "$pid" 2>/dev/null || true
	for _ in $(seq $((seconds * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	rm -f "$pidfile"
}
