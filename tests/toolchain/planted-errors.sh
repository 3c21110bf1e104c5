#!/usr/bin/env bash
# Proves that the static checks in `npm test` catch what they are there to catch: each tool runs on a file
# with one planted error and must fail, naming that error.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
planted=tests/toolchain/planted
work=.cache/planted
rm -rf "$work" && mkdir -p "$work"

passed=0 failed=0
expect_failure() {
	local name=$1 pattern=$2 output status
	shift 2
	output=$("$@" 2>&1)
	status=$?
	if [ "$status" -ne 0 ] && grep -qE -- "$pattern" <<<"$output"; then
		echo "ok - $name"
		passed=$((passed + 1))
	else
		echo "not ok - $name (exit $status; expected a failure matching /$pattern/)"
		sed 's/^/    /' <<<"$output" | tail -n 20
		failed=$((failed + 1))
	fi
}

expect_failure "phpcs rejects unescaped output" 'WordPress\.Security\.EscapeOutput' \
	vendor/bin/phpcs -q --no-colors --standard=phpcs.xml.dist "$planted/unescaped-output.php"

expect_failure "phpstan rejects a wrong return type" 'should return int but returns string' \
	vendor/bin/phpstan analyse --no-progress --error-format=raw --memory-limit=1G -c phpstan.neon.dist "$planted/wrong-return-type.php"

# tsc checks the planted file with the project's own compiler options.
printf '{ "extends": "../../tsconfig.json", "include": [ "../../%s/wrong-type.ts" ] }\n' "$planted" >"$work/tsconfig.json"
expect_failure "tsc rejects a type error" 'TS2322' npx tsc --noEmit --pretty false -p "$work/tsconfig.json"

expect_failure "eslint rejects unformatted code" 'prettier/prettier' npx wp-scripts lint-js "$planted/unformatted.ts"

# A build/ with one module too big for the budget: random bytes barely compress, so 48 KB of them in
# base64 gzip to about 36 KB.
mkdir -p "$work/build"
node -e 'process.stdout.write( `window.planted = "${ require( "node:crypto" ).randomBytes( 36864 ).toString( "base64" ) }";` )' \
	>"$work/build/index.js"
expect_failure "the bundle budget rejects an oversized bundle" 'over budget' node bin/bundle-size.mjs "$work/build"

# A lazily loaded tab over its own budget fails even when the screen's first paint is small: 12 KB of random
# bytes in base64 gzip to about 9 KB.
mkdir -p "$work/build-tab"
echo 'window.planted = 1;' >"$work/build-tab/index.js"
node -e 'process.stdout.write( `window.planted = "${ require( "node:crypto" ).randomBytes( 9216 ).toString( "base64" ) }";` )' \
	>"$work/build-tab/chatbot.js"
expect_failure "the bundle budget rejects an oversized tab" 'screen tab chatbot over budget' node bin/bundle-size.mjs "$work/build-tab"

echo "planted errors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
