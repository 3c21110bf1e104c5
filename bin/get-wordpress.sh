#!/usr/bin/env bash
# Prints the path of a plain WordPress tree built from Debian's `wordpress` package.
#
#   bin/get-wordpress.sh sid      # current WordPress (7.1 at the time of writing)
#   bin/get-wordpress.sh trixie   # the oldest supported line (6.8)
#
# WP_CORE_DIR_<SUITE> (for example WP_CORE_DIR_SID) points at an existing tree instead.
# Debian's package symlinks some files into library packages and ships its own wp-config.php loader;
# the result here is a self-contained tree like the official zip. The system's apt sources are untouched.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

suite="${1:-sid}"
override_var="WP_CORE_DIR_$(tr '[:lower:]' '[:upper:]' <<<"$suite")"
if [ -n "${!override_var:-}" ]; then
	[ -f "${!override_var}/wp-settings.php" ] || die "$override_var=${!override_var} is not a WordPress tree"
	echo "${!override_var}"
	exit 0
fi

dest="$CACHE/wordpress/$suite"
work="$CACHE/apt/$suite"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/sources"
printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
	"$mirror" "$suite" >"$work/sources/wordpress.sources"
apt_opts=(-oDir::Etc::SourceList=/dev/null -oDir::Etc::SourceParts="$work/sources" -oDir::State::Lists="$work/lists"
	-oDir::Cache="$work" -oDir::Cache::archives="$work/archives" -oDebug::NoLocking=1 -oAPT::Sandbox::User="$(id -un)"
	-oAcquire::http::Timeout=30 -oAcquire::Retries=3)

# A tree that is already there is used as it is: no network needed once it was fetched.
if [ -f "$dest/.debian-version" ] && [ -z "${WP_REFRESH:-}" ]; then
	echo "$dest"
	exit 0
fi

# apt-get update exits 0 when an index failed to download (a mirror mid-sync, a dropped connection),
# which would leave no wordpress package to find; such a run is retried on fresh lists.
read_package_list() {
	local attempt
	: >"$LOGS/apt-$suite.log"
	for attempt in 1 2 3 4; do
		rm -rf "$work/lists" && mkdir -p "$work/lists/partial"
		if apt-get "${apt_opts[@]}" -q update >>"$LOGS/apt-$suite.log" 2>&1 \
			&& ! grep -qE '^(W|E): (Failed to fetch|Some index files failed)' "$LOGS/apt-$suite.log" \
			&& apt-cache "${apt_opts[@]}" show wordpress >/dev/null 2>&1; then
			return 0
		fi
		log "WordPress ($suite): the package list did not download completely (try $attempt); retrying"
		echo "--- try $attempt failed" >>"$LOGS/apt-$suite.log"
		sleep $((attempt * 5))
	done
	die "could not read Debian's $suite package list from $mirror; see $LOGS/apt-$suite.log"
}

log "WordPress ($suite): reading Debian's package list"
read_package_list
# Whole outputs are read before parsing, so no early-exiting reader can break a pipe under pipefail.
package=$(apt-cache "${apt_opts[@]}" show wordpress) || die "apt-cache show wordpress failed for $suite"
version=$(awk '/^Version:/ { if (!v) v = $2 } END { print v }' <<<"$package")
[ -n "$version" ] || die "no wordpress package in $suite"

# The packages the wordpress .deb links into: first alternative of each library dependency.
package=$(apt-cache "${apt_opts[@]}" show "wordpress=$version") || die "apt-cache show wordpress=$version failed"
libraries=$(awk -F': ' '/^Depends:/ && !d { d = $2 } END { print d }' <<<"$package" \
	| tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/[[:space:]]//g' \
	| { grep -E '^(libjs-|libphp-|php-getid3|ca-certificates)' || true; } | sort -u)

debs="$work/debs"
rm -rf "$debs" && mkdir -p "$debs"
download() {
	(cd "$debs" && apt-get "${apt_opts[@]}" -qq download "$@" >>"$LOGS/apt-$suite.log" 2>&1) \
		|| die "apt-get download $* failed; see $LOGS/apt-$suite.log"
}
log "WordPress ($suite): downloading wordpress $version and $(wc -w <<<"$libraries") libraries"
download "wordpress=$version" $libraries

# The default theme this release expects, packaged separately by Debian.
constants=$(dpkg-deb --fsys-tarfile "$debs"/wordpress_*.deb | tar -xO ./usr/share/wordpress/wp-includes/default-constants.php) \
	|| die "could not read default-constants.php from the wordpress package"
theme=$(grep -oP "'WP_DEFAULT_THEME',\s*'\K[a-z-]+" <<<"$constants") || die "no default theme named in WordPress $version"
if apt-cache "${apt_opts[@]}" show "wordpress-theme-$theme" >/dev/null 2>&1; then
	download "wordpress-theme-$theme"
else
	log "WordPress ($suite): Debian has no package for the default theme $theme"
fi

stage="$work/stage"
rm -rf "$stage" && mkdir -p "$stage"
for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$stage"; done
tree="$stage/usr/share/wordpress"
rm -f "$tree/wp-config.php" "$tree/.htaccess"

# ca-certificates ships single certificates; the bundle is normally generated at install time.
mkdir -p "$stage/etc/ssl/certs"
cat "$stage"/usr/share/ca-certificates/mozilla/*.crt >"$stage/etc/ssl/certs/ca-certificates.crt"

# Replace every symlink by a copy of what it points at, resolving absolute targets inside the staging root.
resolve() {
	local path=$1 target
	while [ -L "$path" ]; do
		target=$(readlink "$path")
		case "$target" in
			/*) path="$stage$target" ;;
			*) path="$(dirname "$path")/$target" ;;
		esac
		path=$(realpath -m -s "$path")
	done
	echo "$path"
}
count=0
while IFS= read -r -d '' link; do
	real=$(resolve "$link")
	[ -e "$real" ] || die "dangling link in Debian's package: ${link#"$tree"/} -> $(readlink "$link")"
	rm "$link"
	cp -rL "$real" "$link"
	count=$((count + 1))
done < <(find "$tree" -type l -print0)
[ -z "$(find "$tree" -type l -print -quit)" ] || die "symlinks left in $tree"

mkdir -p "$tree/wp-content/uploads" "$tree/wp-content/mu-plugins"
echo "$version" >"$tree/.debian-version"
rm -rf "$dest" && mkdir -p "$(dirname "$dest")" && mv "$tree" "$dest"
rm -rf "$stage" "$debs"
log "WordPress ($suite): $(grep -oP "wp_version = '\K[^']+" "$dest/wp-includes/version.php") in $dest ($count links resolved)"
echo "$dest"
