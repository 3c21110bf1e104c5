#!/usr/bin/env bash
# npm start: a WordPress with the plugin active, on http://127.0.0.1:${PORT:-8880}, until Ctrl-C.
#
#   WP_SUITE=trixie npm start        WordPress 6.8 instead of the current release (sid)
#   WP_CORE_DIR=/path/to/wp npm start use an existing WordPress tree
#   CAUSERIE_DB=mariadb npm start    MariaDB instead of SQLite
#   FRESH=1 npm start                wipe the development site and install it again
set -euo pipefail
. "$(dirname "$0")/lib.sh"

port="${PORT:-8880}"
url="http://127.0.0.1:$port"
suite="${WP_SUITE:-sid}"
db="${CAUSERIE_DB:-sqlite}"
site="$CACHE/sites/dev-$suite-$db"

need_php_extensions
need_dependencies
need_build
if [ -n "${WP_CORE_DIR:-}" ]; then
	core=$(realpath "$WP_CORE_DIR")
	[ -f "$core/wp-settings.php" ] || die "WP_CORE_DIR=$WP_CORE_DIR is not a WordPress tree"
	site="$CACHE/sites/dev-custom-$db"
else
	core=$("$ROOT/bin/get-wordpress.sh" "$suite")
fi

sandbox_port="${CAUSERIE_SANDBOX_PORT:-8877}"
sandbox_pidfile="$CACHE/sandbox.pid"

# A server from an earlier run that was not stopped would hold the port.
"$ROOT/bin/wp-site.sh" stop "$site"
stop_sandbox "$sandbox_pidfile"
"$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
"$ROOT/bin/wp-site.sh" serve "$site" "$url"

stop() {
	trap - INT TERM EXIT
	"$ROOT/bin/wp-site.sh" stop "$site"
	stop_sandbox "$sandbox_pidfile"
	log "stopped"
	exit 0
}
trap stop INT TERM EXIT

# The sandbox Causerie API, beside WordPress (see docs/causerie-api.md).
start_sandbox "$sandbox_port" "$LOGS/sandbox.log" "$sandbox_pidfile"
sandbox_profile=$(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "http://127.0.0.1:$sandbox_port") \
	|| die "could not store the sandbox client in the plugin"

# The job, seen at once: sample pages in the chatbot's knowledge, and the chatbot on the site. The sandbox
# starts empty each time, so reconciling sends the site's pages again.
# The development site belongs to whoever runs npm start, root included (a container's usual user).
wp() { WP_CLI_ALLOW_ROOT=1 "$ROOT/vendor/bin/wp" --path="$site" --url="$url" "$@"; }
question=$(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/sample-content.php") \
	|| die "could not publish the sample pages"
wp causerie sync reconcile >"$LOGS/start-sync.log" 2>&1 \
	&& wp causerie sync run >>"$LOGS/start-sync.log" 2>&1 \
	|| die "could not sync the sample pages; see artifacts/logs/start-sync.log"
wp causerie widget enable >"$LOGS/start-widget.log" 2>&1 \
	|| die "could not turn the chatbot on; see artifacts/logs/start-widget.log"

cat <<INFO

  WordPress $(grep -oP "wp_version = '\K[^']+" "$site/wp-includes/version.php") with Causerie Connector is running ($db database, environment "local").

  The chatbot          $url/   open the chat bubble and ask "$question"
  Settings → Causerie  $url/wp-admin/options-general.php?page=causerie-connector
  Log in as            admin / password   (also: editor, subscriber, administrateur in French; same password)

  Sandbox API  http://127.0.0.1:$sandbox_port   (client wp-development, stored in the plugin's "$sandbox_profile" profile)
               break it: npm run sandbox:break -- expire|revoke|rotate-key|skew 300|scope|env|secret|down
               fix it:   npm run sandbox:fix

  Site files   ${site#"$ROOT"/}
  PHP log      ${site#"$ROOT"/}/debug.log
  Server log   ${site#"$ROOT"/}/server.log
  Sandbox log  artifacts/logs/sandbox.log
  Rebuild the admin app on change with "npm run dev" in another terminal.

  Ready in $(elapsed)s. Press Ctrl-C to stop.

INFO

# Stay in the foreground while the server runs.
while kill -0 "$(cat "$site/server.pid" 2>/dev/null)" 2>/dev/null; do sleep 1; done
die "the PHP server stopped; see $site/server.log"
