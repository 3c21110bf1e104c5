#!/usr/bin/env bash
# The WordPress sites the end-to-end specs drive, one per supported WordPress line, installed afresh:
# one with this working copy as the plugin and its own sandbox API, and a stock one for the release zip.
# And a multisite network on the current line, with a sandbox of its own, for the network's screen.
#
#   bin/e2e-sites.sh up     install and serve them (ports from E2E_PORT_TRIXIE / E2E_PORT_SID / E2E_PORT_NETWORK)
#   bin/e2e-sites.sh down   stop them
set -euo pipefail
. "$(dirname "$0")/lib.sh"

declare -A PORTS=([trixie]="${E2E_PORT_TRIXIE:-8868}" [sid]="${E2E_PORT_SID:-8871}")
# One sandbox API per site: the specs break and fix it, and the two sites run in parallel.
# A stock site per line, without the plugin, on which a spec uploads the release zip.
declare -A STOCK_PORTS=([trixie]="${E2E_STOCK_PORT_TRIXIE:-8870}" [sid]="${E2E_STOCK_PORT_SID:-8873}")
declare -A SANDBOX_PORTS=([trixie]="${E2E_SANDBOX_PORT_TRIXIE:-8869}" [sid]="${E2E_SANDBOX_PORT_SID:-8872}")
# And one whose authorization server and API are on two origins, which a spec connects to from the API address alone.
declare -A SPLIT_PORTS=([trixie]="${E2E_SPLIT_PORT_TRIXIE:-8864}" [sid]="${E2E_SPLIT_PORT_SID:-8866}")
declare -A SPLIT_API_PORTS=([trixie]="${E2E_SPLIT_API_PORT_TRIXIE:-8865}" [sid]="${E2E_SPLIT_API_PORT_SID:-8867}")
# The network (its main site and URL/second/) is not connected: its spec connects it through the network's screen.
NETWORK_SUITE=sid
NETWORK_PORT="${E2E_PORT_NETWORK:-8874}"
NETWORK_SANDBOX_PORT="${E2E_SANDBOX_PORT_NETWORK:-8875}"
NETWORK_SITE="$CACHE/sites/e2e-network-$NETWORK_SUITE"

case "${1:-}" in
	up)
		need_chromium
		need_php_extensions
		need_build
		"$ROOT/bin/plugin-zip.sh" >/dev/null
		for suite in "${!PORTS[@]}"; do
			core=$("$ROOT/bin/get-wordpress.sh" "$suite")
			site="$CACHE/sites/e2e-$suite"
			url="http://127.0.0.1:${PORTS[$suite]}"
			"$ROOT/bin/wp-site.sh" stop "$site"
			FRESH=1 "$ROOT/bin/wp-site.sh" install "$site" "$core" "$url" >/dev/null
			# The WP Consent API's test double and a banner, installed but inactive: the consent spec turns them on.
			ln -sfn "$ROOT/tests/consent-api" "$site/wp-content/plugins/wp-consent-api"
			"$ROOT/bin/wp-site.sh" serve "$site" "$url"
			start_sandbox "${SANDBOX_PORTS[$suite]}" "$LOGS/e2e-sandbox-$suite.log" "$site.sandbox.pid"
			start_sandbox "${SPLIT_PORTS[$suite]}" "$LOGS/e2e-sandbox-split-$suite.log" "$site.sandbox-split.pid" "${SPLIT_API_PORTS[$suite]}"
			(cd "$site" && WP_URL="$url" php "$ROOT/bin/wp/connect-sandbox.php" "http://127.0.0.1:${SANDBOX_PORTS[$suite]}" >/dev/null) \
				|| die "could not connect $site to its sandbox"
			stock="$CACHE/sites/e2e-stock-$suite"
			"$ROOT/bin/wp-site.sh" stop "$stock"
			STOCK=1 FRESH=1 "$ROOT/bin/wp-site.sh" install "$stock" "$core" "http://127.0.0.1:${STOCK_PORTS[$suite]}" >/dev/null
			"$ROOT/bin/wp-site.sh" serve "$stock" "http://127.0.0.1:${STOCK_PORTS[$suite]}"
			log "e2e: WordPress $(grep -oP "wp_version = '\K[^']+" "$site/wp-includes/version.php") at $url, sandbox on ${SANDBOX_PORTS[$suite]}"
		done
		url="http://127.0.0.1:$NETWORK_PORT"
		"$ROOT/bin/wp-site.sh" stop "$NETWORK_SITE"
		MULTISITE=1 FRESH=1 "$ROOT/bin/wp-site.sh" install "$NETWORK_SITE" "$("$ROOT/bin/get-wordpress.sh" "$NETWORK_SUITE")" "$url" >/dev/null
		"$ROOT/bin/wp-site.sh" serve "$NETWORK_SITE" "$url"
		start_sandbox "$NETWORK_SANDBOX_PORT" "$LOGS/e2e-sandbox-network-$NETWORK_SUITE.log" "$NETWORK_SITE.sandbox.pid"
		log "e2e: a WordPress network at $url (and $url/second/), sandbox on $NETWORK_SANDBOX_PORT"
		;;
	down)
		for suite in "${!PORTS[@]}"; do
			"$ROOT/bin/wp-site.sh" stop "$CACHE/sites/e2e-$suite"
			"$ROOT/bin/wp-site.sh" stop "$CACHE/sites/e2e-stock-$suite"
			stop_sandbox "$CACHE/sites/e2e-$suite.sandbox.pid"
			stop_sandbox "$CACHE/sites/e2e-$suite.sandbox-split.pid"
		done
		"$ROOT/bin/wp-site.sh" stop "$NETWORK_SITE"
		stop_sandbox "$NETWORK_SITE.sandbox.pid"
		;;
	*) die "usage: $0 up|down" ;;
esac
