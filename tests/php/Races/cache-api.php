<?php
/**
 * The object cache API as WordPress calls it, run by a racer with the Redis drop-in: what each call gave back.
 * Required by child.php; the Object_Cache_Test reads the results and what Redis holds after.
 *
 * @package Causerie\Connector
 */

$causerie_group = 'causerie-race';
$causerie_raw   = new Redis();
$causerie_port  = constant( 'CAUSERIE_REDIS_PORT' );
$causerie_raw->connect( '127.0.0.1', is_numeric( $causerie_port ) ? (int) $causerie_port : 6379 );
$causerie_found = null;

wp_cache_set( 'object', (object) array( 'a' => 1 ), $causerie_group );
wp_cache_set( 'false', false, $causerie_group );
wp_cache_flush_runtime();
$causerie_false = wp_cache_get( 'false', $causerie_group, false, $causerie_found );

wp_cache_set( 'runtime', 1, $causerie_group );
// Another server changes it: this request keeps its own copy unless it forces a read.
$causerie_raw->set( 'races:' . $causerie_group . '|0:runtime', '2' );
$causerie_kept   = wp_cache_get( 'runtime', $causerie_group );
$causerie_forced = wp_cache_get( 'runtime', $causerie_group, true );

wp_cache_set( 'number', 5, $causerie_group );
wp_cache_add_non_persistent_groups( 'causerie-local' );
wp_cache_set( 'local', 'here', 'causerie-local' );
wp_cache_set_multiple(
	array(
		'one' => 1,
		'two' => 2,
	),
	'causerie-flushed'
);
$causerie_flushed = wp_cache_flush_group( 'causerie-flushed' );

return array(
	'object'           => wp_cache_get( 'object', $causerie_group, true ),
	'false'            => array( $causerie_false, $causerie_found ),
	'missing'          => array( wp_cache_get( 'missing', $causerie_group, true, $causerie_found ), $causerie_found ),
	'runtime'          => array( $causerie_kept, $causerie_forced ),
	'incr'             => array( wp_cache_incr( 'number', 3, $causerie_group ), wp_cache_decr( 'number', 10, $causerie_group ), wp_cache_incr( 'absent', 1, $causerie_group ) ),
	'add, replace'     => array( wp_cache_add( 'number', 1, $causerie_group ), wp_cache_replace( 'absent', 1, $causerie_group ), wp_cache_replace( 'number', 7, $causerie_group ) ),
	'expiring'         => wp_cache_set( 'expiring', 'soon', $causerie_group, 30 ),
	'multiple'         => wp_cache_get_multiple( array( 'number', 'absent' ), $causerie_group ),
	'delete'           => array( wp_cache_delete( 'number', $causerie_group ), wp_cache_delete( 'number', $causerie_group ) ),
	'local'            => wp_cache_get( 'local', 'causerie-local' ),
	'flushed group'    => array( $causerie_flushed, wp_cache_get_multiple( array( 'one', 'two' ), 'causerie-flushed', true ) ),
	'supports'         => wp_cache_supports( 'flush_group' ) && wp_cache_supports( 'get_multiple' ) && ! wp_cache_supports( 'unknown' ),
	'ext_object_cache' => wp_using_ext_object_cache(),
);
