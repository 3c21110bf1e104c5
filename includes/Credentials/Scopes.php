<?php
/**
 * The permissions (OAuth scopes) the plugin can ask Causerie for.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * The one home of the scope identifiers and of which ones the plugin cannot work without. `npm run codes`
 * writes scopes.json from rows() for the admin app, which words each scope as what it allows
 * (src/shared/scopes.ts); the identifiers themselves are only shown in small print.
 */
final class Scopes {

	/**
	 * Show the chat widget, and register the site's address with it.
	 */
	public const READ_WIDGET = 'read:widget';

	/**
	 * Send the site's content to the chatbot's knowledge.
	 */
	public const WRITE_KNOWLEDGE = 'write:knowledge';

	/**
	 * Read the visitors' conversations and leads.
	 */
	public const READ_CONVERSATIONS = 'read:conversations';

	/**
	 * Every scope the plugin can ask for, in the order the forms list them: what its features use, and so what
	 * the guided first run asks for, the conversations' too, so that every card of the overview works after it.
	 */
	public const ALL = array( self::READ_CONVERSATIONS, self::WRITE_KNOWLEDGE, self::READ_WIDGET );

	/**
	 * What the plugin's features need: the chat widget and the knowledge sync. Asked for by default.
	 */
	public const REQUIRED = array( self::READ_WIDGET, self::WRITE_KNOWLEDGE );

	/**
	 * What a scope allows, in the words of the admin app's labels (src/shared/scopes.ts, the same strings), so
	 * Site Health says it as the screen does; a scope this build does not know keeps its identifier.
	 *
	 * @param string $scope A scope identifier.
	 */
	public static function label( string $scope ): string {
		return match ( $scope ) {
			self::READ_WIDGET        => __( 'Show the chat widget', 'causerie-connector' ),
			self::WRITE_KNOWLEDGE    => __( 'Update the chatbot’s knowledge', 'causerie-connector' ),
			self::READ_CONVERSATIONS => __( 'Read conversations', 'causerie-connector' ),
			default                  => $scope,
		};
	}

	/**
	 * Scopes as a sentence's list: each one's label, with its identifier in parentheses for support.
	 *
	 * @param mixed $scopes Scope identifiers, as evidence holds them.
	 */
	public static function listed( mixed $scopes ): string {
		$named = array();
		foreach ( is_array( $scopes ) ? array_filter( $scopes, 'is_string' ) : array() as $scope ) {
			$label   = self::label( $scope );
			$named[] = $label === $scope ? $scope : sprintf( '%s (%s)', $label, $scope );
		}
		return wp_sprintf( '%l', $named );
	}

	/**
	 * Each scope and whether the plugin needs it, as scopes.json holds them.
	 *
	 * @return array<string, array{required: bool}>
	 */
	public static function rows(): array {
		$rows = array();
		foreach ( self::ALL as $scope ) {
			$rows[ $scope ] = array( 'required' => in_array( $scope, self::REQUIRED, true ) );
		}
		return $rows;
	}
}
