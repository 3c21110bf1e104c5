<?php
/**
 * One racer: loads the races site's WordPress, says it is ready, waits for the others, runs its command and
 * prints what came of it as one line of JSON. Started by Racers, as
 * `php child.php COMMAND ARGUMENTS_JSON BARRIER_DIR INDEX`.
 *
 * @package Causerie\Connector
 */

use Causerie\Connector\Auth\Cached_Token;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Diagnosis\Finding;
use Causerie\Connector\Service_Graph;
use Causerie\Connector\Sync\Queue;

$causerie_argv    = array_map( 'strval', $argv );
$causerie_command = $causerie_argv[1] ?? '';
$causerie_args    = json_decode( $causerie_argv[2] ?? '{}', true );
$causerie_args    = is_array( $causerie_args ) ? $causerie_args : array();
$causerie_barrier = $causerie_argv[3] ?? '';
$causerie_index   = $causerie_argv[4] ?? '0';
$causerie_root    = (string) getenv( 'CAUSERIE_RACES_ROOT' );

require_once dirname( __DIR__ ) . '/request.php';
causerie_test_request( '127.0.0.1:8892' );

require_once $causerie_root . '/vendor/autoload.php';
require getenv( 'CAUSERIE_RACES_SITE' ) . '/wp-load.php';

/**
 * An argument of the command.
 *
 * @param array<mixed> $args Arguments.
 * @param string       $name Name.
 */
function causerie_race_arg( array $args, string $name ): string {
	return is_scalar( $args[ $name ] ?? null ) ? (string) $args[ $name ] : '';
}

/**
 * Prints one line of JSON at once.
 *
 * @param array<mixed> $result What came of the command.
 */
function causerie_race_say( array $result ): void {
	echo wp_json_encode( $result ) . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the test that started this process.
	flush();
}

touch( $causerie_barrier . '/ready-' . $causerie_index );
$causerie_i = 0;
while ( ! file_exists( $causerie_barrier . '/go' ) ) {
	if ( ++$causerie_i > 60000 ) {
		exit( 2 );
	}
	usleep( 1000 );
}

$causerie_graph = new Service_Graph( $causerie_root . '/causerie-connector.php', 'races' );
switch ( $causerie_command ) {
	case 'acquire':
		causerie_race_say( array( 'owner' => ( new Lock() )->acquire( causerie_race_arg( $causerie_args, 'name' ), (int) causerie_race_arg( $causerie_args, 'ttl' ) ) ) );
		break;
	case 'hold':
		// Takes the lock and works until killed, as a worker that crashes while holding it.
		causerie_race_say( array( 'owner' => ( new Lock() )->acquire( causerie_race_arg( $causerie_args, 'name' ), (int) causerie_race_arg( $causerie_args, 'ttl' ) ) ) );
		for ( $causerie_i = 0; $causerie_i < 6000; $causerie_i++ ) {
			usleep( 10000 );
		}
		break;
	case 'release':
		causerie_race_say( array( 'released' => ( new Lock() )->release( causerie_race_arg( $causerie_args, 'name' ), causerie_race_arg( $causerie_args, 'owner' ) ) ) );
		break;
	case 'claim':
		// One runner after another in this process, each with its own owner, until a claim finds nothing.
		$causerie_claimed = array();
		for ( $causerie_i = 0; true; $causerie_i++ ) {
			$causerie_rows = ( new Queue() )->claim( 'race-' . $causerie_index . '-' . $causerie_i, (int) causerie_race_arg( $causerie_args, 'limit' ), 300 );
			if ( array() === $causerie_rows ) {
				break;
			}
			$causerie_claimed = array_merge( $causerie_claimed, array_column( $causerie_rows, 'post_id' ) );
		}
		causerie_race_say( array( 'claimed' => $causerie_claimed ) );
		break;
	case 'claim-once':
		// One runner's first claim, as each node's runner makes when it wakes; named apart from earlier racers when asked.
		$causerie_rows = ( new Queue() )->claim( 'race-' . causerie_race_arg( $causerie_args, 'owner' ) . $causerie_index, (int) causerie_race_arg( $causerie_args, 'limit' ), 300 );
		causerie_race_say( array( 'claimed' => array_column( $causerie_rows, 'post_id' ) ) );
		break;
	case 'state-set':
		// Keys of its own, one set() each, as runners on several servers record their progress at once.
		$causerie_keys = (int) causerie_race_arg( $causerie_args, 'keys' );
		for ( $causerie_i = 0; $causerie_i < $causerie_keys; $causerie_i++ ) {
			$causerie_graph->sync_state()->set( array( 'race-' . $causerie_index . '-' . $causerie_i => $causerie_i ) );
		}
		causerie_race_say( array( 'set' => $causerie_keys ) );
		break;
	case 'site-key':
		causerie_race_say( array( 'prefix' => $causerie_graph->source_ids()->prefix() ) );
		break;
	case 'expire-token':
		// The token in use, expired: stored in the database and, with a persistent object cache, in the cache.
		$causerie_token = $causerie_graph->token_store()->get();
		if ( null !== $causerie_token ) {
			$causerie_graph->token_store()->put( new Cached_Token( $causerie_token->access_token, $causerie_token->refresh_token, time() - 3600, time() - 60, $causerie_token->scopes, $causerie_token->environment, 0, $causerie_token->identity ) );
		}
		causerie_race_say( array( 'expired' => null !== $causerie_token ) );
		break;
	case 'token':
		$causerie_token = $causerie_graph->tokens()->token();
		causerie_race_say( $causerie_token instanceof Finding ? array( 'finding' => $causerie_token->code ) : array( 'token' => $causerie_token->access_token ) );
		break;
	case 'cache-add':
		causerie_race_say( array( 'added' => wp_cache_add( 'contested', $causerie_index, 'causerie-race', 60 ) ) );
		break;
	case 'cache-api':
		$causerie_results = require __DIR__ . '/cache-api.php';
		causerie_race_say( is_array( $causerie_results ) ? $causerie_results : array() );
		break;
	default:
		exit( 3 );
}
