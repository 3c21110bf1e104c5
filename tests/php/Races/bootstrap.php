<?php
/**
 * A site on MariaDB with a Redis server beside it, for tests where several PHP processes race.
 *
 * The site is installed afresh by bin/wp-site.sh on MariaDB; Redis (bin/services.sh) listens on a free port with
 * nothing saved, and the object-cache drop-in of tests/object-cache is in wp-content. A process loads the drop-in
 * only when CAUSERIE_OBJECT_CACHE=redis: this one doesn't, so what it writes goes to the database, which the
 * racing processes (Racers) all share, as the web servers of one site do.
 *
 * @package Causerie\Connector
 */

$causerie_root = dirname( __DIR__, 3 );
$causerie_site = $causerie_root . '/.cache/sites/races';
$causerie_url  = 'http://127.0.0.1:8892';
$causerie_core = trim( (string) shell_exec( escapeshellarg( $causerie_root . '/bin/get-wordpress.sh' ) . ' sid' ) );
passthru(
	'CAUSERIE_DB=mariadb FRESH=1 ' . escapeshellarg( $causerie_root . '/bin/wp-site.sh' ) . ' install ' . escapeshellarg( $causerie_site )
		. ' ' . escapeshellarg( $causerie_core ) . ' ' . escapeshellarg( $causerie_url ) . ' >&2',
	$causerie_status
);
if ( 0 !== $causerie_status ) {
	fwrite( STDERR, "Could not install the races site in $causerie_site\n" );
	exit( 1 );
}

$causerie_probe = stream_socket_server( 'tcp://127.0.0.1:0' );
if ( false === $causerie_probe ) {
	fwrite( STDERR, "No free port for Redis\n" );
	exit( 1 );
}
$causerie_redis = (int) substr( (string) strrchr( (string) stream_socket_get_name( $causerie_probe, false ), ':' ), 1 );
fclose( $causerie_probe );
$causerie_services = sprintf( 'cd %s && . bin/lib.sh && . bin/services.sh && ', escapeshellarg( $causerie_root ) );
passthru( 'bash -c ' . escapeshellarg( $causerie_services . 'start_redis ' . escapeshellarg( $causerie_site . '/redis' ) . ' ' . $causerie_redis ) . ' >&2', $causerie_status );
if ( 0 !== $causerie_status ) {
	exit( 1 );
}

copy( $causerie_root . '/tests/object-cache/object-cache.php', $causerie_site . '/wp-content/object-cache.php' );
file_put_contents(
	$causerie_site . '/wp-config-local.php',
	"<?php\n// Written by tests/php/Races/bootstrap.php.\ndefine( 'CAUSERIE_REDIS_PORT', $causerie_redis );\ndefine( 'WP_CACHE_KEY_SALT', 'races:' );\n"
		. "if ( 'redis' !== getenv( 'CAUSERIE_OBJECT_CACHE' ) ) {\n"
		. "\t\$GLOBALS['wp_filter']['enable_loading_object_cache_dropin'][10][] = array( 'function' => static fn() => false, 'accepted_args' => 1 );\n}\n"
);

require_once dirname( __DIR__ ) . '/request.php';
causerie_test_request( '127.0.0.1:8892' );
define( 'DOING_CRON', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- core's constant.

require_once $causerie_root . '/vendor/autoload.php';
require $causerie_site . '/wp-load.php';

\Causerie\Connector\Tests\Races\Racers::configure( $causerie_root, $causerie_site, $causerie_redis );
\Causerie\Connector\Tests\Sandbox::start( $causerie_root );

register_shutdown_function(
	static function () use ( $causerie_root, $causerie_site, $causerie_services ): void {
		exec( 'bash -c ' . escapeshellarg( $causerie_services . 'stop_redis ' . escapeshellarg( $causerie_site . '/redis' ) ) );
		exec( escapeshellarg( $causerie_root . '/bin/wp-site.sh' ) . ' stop ' . escapeshellarg( $causerie_site ) );
	}
);
