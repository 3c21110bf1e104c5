<?php
/**
 * What the conversations and leads routes share.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\REST;

use Causerie\Connector\Conversations\Conversations_Api;
use Causerie\Connector\Diagnosis\Finding;
use WP_Error;

/**
 * The paging arguments, and the errors of a read: a missing `read:conversations` is 403
 * `causerie_missing_scope` naming the scope (in the catalog's words, with its diagnosis), a conversation the API
 * doesn't know is 404, and anything else the diagnosis of the connection.
 */
final class Conversations_Read {

	/**
	 * A cursor is the API's own opaque text; this keeps it one safe query value.
	 */
	public const CURSOR_PATTERN = '^[A-Za-z0-9_.~=-]{1,256}$';

	/**
	 * The arguments of a paged listing.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function paging(): array {
		return array(
			'cursor' => array(
				'description' => __( 'Where the page starts: the nextCursor of the page before.', 'causerie-connector' ),
				'type'        => 'string',
				'pattern'     => self::CURSOR_PATTERN,
			),
			'limit'  => array(
				'description' => __( 'How many items in the page.', 'causerie-connector' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => Conversations_Api::MAX_LIMIT,
				'default'     => Conversations_Api::DEFAULT_LIMIT,
			),
		);
	}

	/**
	 * The REST error of a failed read.
	 *
	 * @param Finding $finding What went wrong.
	 */
	public static function error( Finding $finding ): WP_Error {
		if ( 'not_found' === $finding->code ) {
			return new WP_Error( 'causerie_not_found', __( 'Causerie has no such conversation.', 'causerie-connector' ), array( 'status' => 404 ) );
		}
		if ( 'insufficient_scope' !== $finding->code ) {
			return Diagnosis_Error::from( 'causerie_conversations_unavailable', $finding );
		}
		$error = Diagnosis_Error::from( 'causerie_missing_scope', $finding );
		$data  = (array) $error->get_error_data();
		$error->add_data(
			array(
				'status' => 403,
				'scope'  => Conversations_Api::SCOPE,
			) + $data
		);
		return $error;
	}
}
