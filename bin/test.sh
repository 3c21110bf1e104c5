#!/usr/bin/env bash
# npm test: every check, one line per suite, non-zero exit when any fails.
# Each suite's full output goes to artifacts/logs/test-<suite>.log; a failing suite's tail is printed too.
#
#   npm test                      all suites
#   npm test -- phpunit e2e       only the named suites
set -uo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/services.sh"
cd "$ROOT" || exit 1

SUITES=(phpcs phpstan eslint tsc jest i18n docs sandbox build phpunit races cluster e2e toolchain)
declare -A RUN=(
	[phpcs]="vendor/bin/phpcs -q --no-colors"
	[phpstan]="vendor/bin/phpstan analyse --no-progress --no-ansi --memory-limit=1G"
	[eslint]="npx wp-scripts lint-js src assets sandbox tests/js tests/e2e tests/sandbox tests/consent-api tests/cluster"
	[tsc]="npx tsc --noEmit --pretty false"
	[jest]="npx wp-scripts test-unit-js --config jest.config.js --ci"
	[i18n]="bash bin/i18n.sh check && node --test --test-reporter=spec tests/i18n/"
	[docs]="node --test --test-reporter=spec tests/docs/"
	[sandbox]="npm run --silent test:sandbox"
	[build]="npx wp-scripts build && node bin/bundle-size.mjs"
	[phpunit]="WP_SUITE=sid vendor/bin/phpunit --no-progress && WP_SUITE=trixie vendor/bin/phpunit --no-progress && WP_SUITE=sid vendor/bin/phpunit -c phpunit-multisite.xml.dist --no-progress"
	# Several PHP processes at once on MariaDB and Redis, as the servers of a scaled-out site (tests/php/Races).
	[races]="WP_SUITE=sid vendor/bin/phpunit -c phpunit-races.xml.dist --no-progress"
	[cluster]="node --test --test-reporter=spec tests/cluster/"
	[e2e]="npx playwright test --config tests/e2e/playwright.config.ts"
	[toolchain]="bash tests/toolchain/planted-errors.sh"
)
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${SUITES[@]}")
for suite in "${selected[@]}"; do [ -n "${RUN[$suite]:-}" ] || die "unknown suite: $suite (known: ${SUITES[*]})"; done

log "setting up (dependencies, PHP extensions, Chromium, WordPress 6.8 and 7.1)"
need_php_extensions
need_dependencies
need_chromium
need_build
# nginx, PHP-FPM, MariaDB, Redis and php-redis for the races and the cluster.
[[ ! " ${selected[*]} " =~ \ (races|cluster)\  ]] || need_scale_packages
"$ROOT/bin/get-wordpress.sh" trixie >/dev/null || die "could not get WordPress 6.8"
"$ROOT/bin/get-wordpress.sh" sid >/dev/null || die "could not get WordPress 7.1"

passed=0 failed=0 failures=()
for suite in "${selected[@]}"; do
	out="$LOGS/test-$suite.log"
	start=$(date +%s%N)
	bash -c "${RUN[$suite]}" >"$out" 2>&1
	status=$?
	seconds=$(awk -v n="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.1f", n / 1e9 }')
	if [ "$status" -eq 0 ]; then
		passed=$((passed + 1))
		printf 'PASS  %-10s %6ss\n' "$suite" "$seconds"
	else
		failed=$((failed + 1))
		failures+=("$suite")
		printf 'FAIL  %-10s %6ss  (exit %s; full log: %s)\n' "$suite" "$seconds" "$status" "${out#"$ROOT"/}"
		tail -n 40 "$out" | sed 's/^/      | /'
	fi
done

echo "total time: $(elapsed)s"
[ "$failed" -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
