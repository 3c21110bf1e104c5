#!/usr/bin/env bash
# A WordPress site with this plugin, served by PHP's built-in server.
#
#   bin/wp-site.sh install SITE_DIR CORE_DIR URL   create or update the site, install WordPress, activate the plugin
#   bin/wp-site.sh serve SITE_DIR URL              start `php -S` in the background (pid in SITE_DIR/server.pid)
#   bin/wp-site.sh stop SITE_DIR                   stop the server (and MariaDB, when it was started here)
#
# STOCK=1 installs WordPress without the plugin, as a site owner's site before they upload the zip.
#
# CAUSERIE_DB=sqlite (default: SQLite Database Integration as the db.php drop-in) or mariadb (Debian's
# mariadb-server, started here with its data inside SITE_DIR). FRESH=1 wipes the site first.
# MULTISITE=1 makes a subdirectory network (wp-config-network.php) of two sites, the main one and
# URL/second/ (administered by siteadmin, who is no network administrator), with the plugin network-activated;
# a site made one way needs FRESH=1 to become the other. `serve` serves a network too: the router rewrites a
# site's /second/wp-admin/ paths as core's .htaccess rules would.
# The plugin is linked, not copied: a rebuild shows up on the next page load. Admin: admin / password.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SQLITE_PACKAGE="@wp-playground/cli@3.1.56"
DB="${CAUSERIE_DB:-sqlite}"

stop_site() {
	local site=$1 pidfile
	for pidfile in "$site/server.pid" "$site/mariadb.pid"; do
		[ -f "$pidfile" ] || continue
		# Both run in their own process group: php -S forks workers that would otherwise keep the port.
		kill -- -"$(cat "$pidfile")" 2>/dev/null || kill "$(cat "$pidfile")" 2>/dev/null || true
		rm -f "$pidfile"
	done
}

# The SQLite Database Integration plugin ships inside Playground's npm tarball; only that tarball is fetched.
sqlite_plugin() {
	local dir="$CACHE/sqlite-database-integration"
	if [ ! -f "$dir/load.php" ]; then
		local pack="$CACHE/npm-pack"
		rm -rf "$pack" && mkdir -p "$pack"
		(cd "$pack" && npm pack --silent "$SQLITE_PACKAGE" >/dev/null && tar -xzf ./*.tgz package/sqlite-database-integration.zip) \
			|| die "could not fetch $SQLITE_PACKAGE from the npm registry"
		rm -rf "$dir" "$pack/plugin-sqlite-database-integration"
		(cd "$pack" && unzip -q package/sqlite-database-integration.zip)
		mv "$pack/plugin-sqlite-database-integration" "$dir"
		rm -rf "$pack"
	fi
	echo "$dir"
}

start_mariadb() {
	local site=$1 data="$1/mariadb" socket="$1/mariadb.sock"
	need_debian_packages mariadb-server php"$(php -r 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;')"-mysql
	if [ ! -d "$data/mysql" ]; then
		mkdir -p "$data"
		mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$data" --auth-root-authentication-method=socket \
			--skip-test-db >"$site/mariadb-install.log" 2>&1 || die "mariadb-install-db failed; see $site/mariadb-install.log"
	fi
	if ! { [ -f "$site/mariadb.pid" ] && kill -0 "$(cat "$site/mariadb.pid")" 2>/dev/null; }; then
		setsid mariadbd --no-defaults --user="$(id -un)" --datadir="$data" --socket="$socket" --skip-networking \
			--log-error="$site/mariadb.log" --innodb-buffer-pool-size=64M >/dev/null 2>&1 &
		echo $! >"$site/mariadb.pid"
		for _ in $(seq 100); do mariadb --no-defaults -S "$socket" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
	fi
	mariadb --no-defaults -S "$socket" -uroot -e "CREATE DATABASE IF NOT EXISTS wordpress;
		CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
		GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';" || die "MariaDB did not start; see $site/mariadb.log"
}

install_site() {
	local site=$1 core=$2 url=$3
	[ -f "$core/wp-settings.php" ] || die "$core is not a WordPress tree"
	if [ "${FRESH:-0}" = 1 ]; then stop_site "$site"; rm -rf "$site"; fi
	if [ ! -f "$site/wp-settings.php" ]; then
		mkdir -p "$(dirname "$site")"
		# Hard links make a copy of core in milliseconds; nothing here writes to core files.
		cp -al "$core" "$site" 2>/dev/null || cp -r "$core" "$site"
		rm -rf "$site/wp-content/plugins/akismet"
	fi
	mkdir -p "$site/wp-content/mu-plugins" "$site/wp-content/uploads"
	cp "$ROOT/bin/wp/offline.php" "$site/wp-content/mu-plugins/causerie-offline.php"
	cp "$ROOT/bin/wp/router.php" "$site/.router.php"
	# STOCK=1: a stock WordPress without the plugin, for installing the release zip as a site owner would.
	local plugins=(causerie-connector/causerie-connector.php)
	if [ "${STOCK:-0}" = 1 ]; then
		plugins=()
		rm -f "$site/wp-content/plugins/causerie-connector"
	else
		ln -sfn "$ROOT" "$site/wp-content/plugins/causerie-connector"
	fi

	local db_config
	if [ "$DB" = mariadb ]; then
		start_mariadb "$site"
		rm -f "$site/wp-content/db.php"
		db_config="define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress' );
define( 'DB_HOST', 'localhost:$site/mariadb.sock' );"
	else
		local sqlite
		sqlite=$(sqlite_plugin)
		rm -rf "$site/wp-content/plugins/sqlite-database-integration"
		cp -r "$sqlite" "$site/wp-content/plugins/sqlite-database-integration"
		sed -e "s#{SQLITE_IMPLEMENTATION_FOLDER_PATH}#$site/wp-content/plugins/sqlite-database-integration#" \
			-e 's#{SQLITE_PLUGIN}#sqlite-database-integration/load.php#' \
			"$sqlite/db.copy" >"$site/wp-content/db.php"
		db_config="define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '' );
define( 'DB_DIR', __DIR__ . '/wp-content/database/' );"
	fi

	cat >"$site/wp-config.php" <<PHP
<?php
// Generated by bin/wp-site.sh for development and tests.
$db_config
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';
// A network's constants, written by MULTISITE=1 once the network tables exist.
if ( file_exists( __DIR__ . '/wp-config-network.php' ) ) {
	require __DIR__ . '/wp-config-network.php';
}
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$name ) {
	define( \$name, 'causerie-development-' . \$name );
}
// On a network each site has its own address, kept in its options.
if ( ! defined( 'MULTISITE' ) ) {
	define( 'WP_HOME', '$url' );
	define( 'WP_SITEURL', '$url' );
}
define( 'WP_ENVIRONMENT_TYPE', getenv( 'WP_ENVIRONMENT_TYPE' ) ?: 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISALLOW_FILE_MODS', false );
define( 'FS_METHOD', 'direct' );
if ( file_exists( __DIR__ . '/wp-config-local.php' ) ) {
	require __DIR__ . '/wp-config-local.php';
}
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
	if [ "${MULTISITE:-0}" != 1 ]; then
		(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/install.php" "${plugins[@]}") \
			|| die "WordPress install or plugin activation failed in $site"
		return
	fi
	# A network is made from an installed site in two runs: the network tables while WordPress is still a
	# single site, then, with the network's constants in wp-config, the second site and the plugin.
	if [ ! -f "$site/wp-config-network.php" ]; then
		(cd "$site" && WP_URL="$url" CAUSERIE_NETWORK=tables php "$ROOT/bin/wp/install.php") \
			|| die "WordPress network install failed in $site"
		local hostport=${url#http://}
		cat >"$site/wp-config-network.php" <<PHP
<?php
// Generated by bin/wp-site.sh (MULTISITE=1): a subdirectory network.
define( 'WP_ALLOW_MULTISITE', true );
define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', false );
define( 'DOMAIN_CURRENT_SITE', '${hostport%%/*}' );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );
PHP
	fi
	(cd "$site" && WP_URL="$url" CAUSERIE_NETWORK=sites php "$ROOT/bin/wp/install.php" "${plugins[@]}") \
		|| die "WordPress network sites or plugin activation failed in $site"
}

serve_site() {
	local site=$1 url=$2 hostport
	hostport=${url#http://}
	if [ -f "$site/server.pid" ] && kill -0 "$(cat "$site/server.pid")" 2>/dev/null; then
		return 0
	fi
	if curl -s -o /dev/null --max-time 2 "$url/"; then
		die "something already answers at $url; stop it or choose another port"
	fi
	(cd "$site" && PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}" exec setsid php -d opcache.enable_cli=1 \
		-d memory_limit=512M -d upload_max_filesize=64M -d post_max_size=64M \
		-S "$hostport" -t "$site" "$site/.router.php" >"$site/server.log" 2>&1 </dev/null) &
	echo $! >"$site/server.pid"
	for _ in $(seq 150); do
		curl -s -o /dev/null --max-time 2 "$url/wp-login.php" && return 0
		kill -0 "$(cat "$site/server.pid")" 2>/dev/null || break
		sleep 0.1
	done
	tail -5 "$site/server.log" >&2
	die "WordPress did not answer at $url; see $site/server.log"
}

absolute() { realpath -m "$1"; }
case "${1:-}" in
	install) need_php_extensions && install_site "$(absolute "$2")" "$(absolute "$3")" "$4" ;;
	serve) serve_site "$(absolute "$2")" "$3" ;;
	stop) stop_site "$(absolute "$2")" ;;
	*) die "usage: $0 install SITE CORE URL | serve SITE URL | stop SITE" ;;
esac
