#!/usr/bin/env bash
# npm run plugin-zip: dist/causerie-connector.zip, ready for Plugins → Add New → Upload.
# It holds the runtime files only: built assets and a production autoloader, no sources or tooling.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

RUNTIME_FILES=(causerie-connector.php uninstall.php readme.txt composer.json includes build assets languages)

need_dependencies
log "production build"
(cd "$ROOT" && npx wp-scripts build >"$LOGS/build.log" 2>&1) || die "build failed; see $LOGS/build.log"
touch "$CACHE/build.stamp"

stage="$CACHE/plugin-zip/causerie-connector"
rm -rf "$(dirname "$stage")" && mkdir -p "$stage"
for path in "${RUNTIME_FILES[@]}"; do
	[ -e "$ROOT/$path" ] && cp -r "$ROOT/$path" "$stage/"
done
# The plugin has no runtime Composer packages: the autoloader alone is enough, and needs no network.
composer dump-autoload --working-dir="$stage" --no-dev --classmap-authoritative --no-interaction -q \
	|| die "composer dump-autoload failed"
rm "$stage/composer.json"

mkdir -p "$ROOT/dist"
node "$ROOT/bin/zip-folder.mjs" "$stage" "$ROOT/dist/causerie-connector.zip"
log "dist/causerie-connector.zip: $(du -h "$ROOT/dist/causerie-connector.zip" | cut -f1), $(find "$stage" -type f | wc -l) files"
