# The server pieces of a scaled-out site, each in a private folder on its own port, never the system's own
# services: MariaDB, Redis, and what they need. Source it after lib.sh; don't run it.
# shellcheck shell=bash

# Debian's packages for the scale-out stack (12 s on a fresh machine).
need_scale_packages() {
	need_debian_packages nginx php8.2-fpm mariadb-server mariadb-client redis-server redis-tools php8.2-redis php8.2-mysql php8.2-curl php8.2-xml php8.2-mbstring php8.2-intl
}

# Starts a MariaDB server with its data in DIR, listening on 127.0.0.1:PORT and DIR/mysqld.sock, with a
# database DB and a user wp / wp allowed everything on it. A DIR already initialised keeps its data.
#   start_mariadb DIR PORT DB
start_mariadb() {
	local dir=$1 port=$2 db=$3
	mkdir -p "$dir"
	stop_mariadb "$dir"
	if [ ! -d "$dir/data/mysql" ]; then
		mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$dir/data" --skip-test-db \
			--auth-root-authentication-method=socket >"$dir/install.log" 2>&1 \
			|| die "could not initialise MariaDB in $dir; see $dir/install.log"
	fi
	(exec setsid mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$dir/mysqld.sock" \
		--port="$port" --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
		--skip-log-bin --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --max-connections=500 \
		</dev/null >/dev/null 2>&1) &
	for _ in $(seq 300); do
		[ -S "$dir/mysqld.sock" ] && mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
		sleep 0.1
	done
	mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e "
		CREATE DATABASE IF NOT EXISTS \`$db\`;
		CREATE USER IF NOT EXISTS 'wp'@'127.0.0.1' IDENTIFIED BY 'wp';
		CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY 'wp';
		GRANT ALL ON *.* TO 'wp'@'127.0.0.1';
		GRANT ALL ON *.* TO 'wp'@'localhost';" 2>>"$dir/error.log" \
		|| die "MariaDB did not start in $dir on port $port; see $dir/error.log"
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
	local dir=$1 pid
	[ -f "$dir/mysqld.pid" ] || return 0
	pid=$(cat "$dir/mysqld.pid")
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	rm -f "$dir/mysqld.pid"
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
	local dir=$1 pid
	[ -f "$dir/redis.pid" ] || return 0
	pid=$(cat "$dir/redis.pid")
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	rm -f "$dir/redis.pid"
}
