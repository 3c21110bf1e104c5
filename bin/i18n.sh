#!/usr/bin/env bash
# Translations: the .pot, the .po files merged with it, and their compiled .mo and JSON (see README.md).
#
#   bin/i18n.sh pot      extract every string into languages/causerie-connector.pot and merge it into each .po
#   bin/i18n.sh build    compile each .po into its .mo (PHP) and JSON (the admin app)
#   bin/i18n.sh check    fail when the .pot is stale, a translation is missing or fuzzy, a placeholder differs,
#                        or the .mo and JSON do not match their .po
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

# xgettext reads the PHP, msgmerge updates the .po files, msgfmt compiles and checks them.
command -v xgettext >/dev/null && command -v msgfmt >/dev/null || need_debian_packages gettext
[ -d node_modules/typescript ] || need_dependencies
exec node bin/i18n/cli.mjs "$@"
