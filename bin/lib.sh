# Shared helpers for the development scripts. Source it; don't run it.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE="${CAUSERIE_CACHE:-$ROOT/.cache}"
LOGS="$ROOT/artifacts/logs"
mkdir -p "$CACHE" "$LOGS"

# Child scripts share the parent's clock, so their log lines line up.
export CAUSERIE_T0="${CAUSERIE_T0:-$(date +%s%N)}"
_t0=$CAUSERIE_T0
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Seconds since the script started, with one decimal.
elapsed() { awk -v n="$(( $(date +%s%N) - _t0 ))" 'BEGIN { printf "%.1f", n / 1e9 }'; }
log() { printf '[%6ss] %s\n' "$(elapsed)" "$*" >&2; }

# Installs Debian packages when running as root; otherwise names the exact command and stops.
need_debian_packages() {
	local missing=() pkg
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		die "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}"
	fi
	log "installing ${missing[*]} (apt-get)"
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$LOGS/apt-get.log" 2>&1; then
		apt-get update -qq >>"$LOGS/apt-get.log" 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$LOGS/apt-get.log" 2>&1 \
			|| die "apt-get install ${missing[*]} failed; see $LOGS/apt-get.log"
	fi
}

# The PHP extensions WordPress needs here: SQLite for the database, cURL for HTTPS calls to the API.
need_php_extensions() {
	local ver modules missing=() ext
	ver=$(php -r 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;')
	modules=$(php -m)
	grep -qx pdo_sqlite <<<"$modules" || missing+=("php$ver-sqlite3")
	grep -qx curl <<<"$modules" || missing+=("php$ver-curl")
	for ext in xml mbstring intl; do grep -qx "$ext" <<<"$modules" || missing+=("php$ver-$ext"); done
	[ ${#missing[@]} -eq 0 ] || need_debian_packages "${missing[@]}"
}

need_chromium() {
	[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need_debian_packages chromium
}

# npm and Composer dependencies, installed only when their manifest is newer than the installed tree.
need_dependencies() {
	cd "$ROOT" || exit 1
	if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
		log "npm install"
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error >"$LOGS/npm-install.log" 2>&1 \
			|| die "npm install failed; see $LOGS/npm-install.log"
	fi
	if [ ! -f vendor/autoload.php ] || [ composer.json -nt vendor/autoload.php ]; then
		log "composer install"
		composer install --no-interaction --no-progress >"$LOGS/composer-install.log" 2>&1 \
			|| die "composer install failed; see $LOGS/composer-install.log"
		touch vendor/autoload.php
	fi
}

# Builds the admin app when a source is newer than the last build (webpack leaves unchanged outputs alone,
# so a stamp file records when it last ran).
need_build() {
	cd "$ROOT" || exit 1
	local stamp="$CACHE/build.stamp"
	if [ ! -f build/index.asset.php ] || [ ! -f "$stamp" ] || [ -n "$(find src package.json tsconfig.json -newer "$stamp" -print -quit)" ]; then
		log "building assets (wp-scripts build)"
		npx wp-scripts build >"$LOGS/build.log" 2>&1 || die "build failed; see $LOGS/build.log"
		touch "$stamp"
	fi
}

# Starts the sandbox Causerie API in its own process group and waits until it listens.
#   start_sandbox PORT LOGFILE PIDFILE [API_PORT]
# With API_PORT, the authorization server and the API are on two origins (the API on API_PORT).
start_sandbox() {
	local port=$1 logfile=$2 pidfile=$3 api_port=${4:-}
	stop_sandbox "$pidfile"
	(cd "$ROOT" && CAUSERIE_SANDBOX_PORT=$port CAUSERIE_SANDBOX_API_PORT=$api_port exec setsid node_modules/.bin/tsx sandbox/cli.ts serve \
		>"$logfile" 2>&1 </dev/null) &
	echo $! >"$pidfile"
	for _ in $(seq 150); do grep -q 'Causerie sandbox API on' "$logfile" 2>/dev/null && return 0; sleep 0.1; done
	die "the sandbox API did not start on port $port; see $logfile"
}

# Stops a sandbox started by start_sandbox.
#   stop_sandbox PIDFILE
stop_sandbox() {
	local pidfile=$1
	if [ -f "$pidfile" ]; then
		kill -- -"$(cat "$pidfile")" 2>/dev/null || true
		rm -f "$pidfile"
	fi
}
