<?php
/**
 * Where the token in use is kept.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Option_Storage;
use Causerie\Connector\Storage\Shared_Option;

/**
 * Encrypted in an option that is never autoloaded, and in the persistent object cache when there is one,
 * so every web server sharing the database and cache sees the same token. The ciphertext is bound to this
 * site's option; one in the older, unbound format is read until the next renewal writes it again.
 */
final class Token_Store {

	public const OPTION = 'causerie_connector_token';
	public const GROUP  = 'causerie';

	/**
	 * Constructor.
	 *
	 * @param Encryption $encryption Encrypts the token at rest.
	 */
	public function __construct( private readonly Encryption $encryption ) {}

	/**
	 * The token in use, or null.
	 */
	public function get(): ?Cached_Token {
		// Forced past the request's own copy, as the option is read past it: a worker waiting for another one's
		// renewal, or taking the lock after it, must see the token that worker stored.
		$stored = wp_using_ext_object_cache() ? wp_cache_get( self::OPTION, self::GROUP, true ) : false;
		if ( ! is_string( $stored ) ) {
			$stored = Shared_Option::read( self::OPTION );
		}
		if ( ! is_string( $stored ) ) {
			return null;
		}
		$plain = $this->encryption->decrypt( $stored, self::context() );
		return is_string( $plain ) ? Cached_Token::from_array( json_decode( $plain, true ) ) : null;
	}

	/**
	 * The token in use, if it was issued to these credentials for their profile.
	 *
	 * @param Credentials $credentials The credentials in force.
	 */
	public function issued_to( Credentials $credentials ): ?Cached_Token {
		$token = $this->get();
		return null !== $token && $token->belongs_to( $credentials->environment, $credentials->identity() ) ? $token : null;
	}

	/**
	 * Replaces the token in use.
	 *
	 * @param Cached_Token $token New token.
	 */
	public function put( Cached_Token $token ): void {
		$stored = $this->encryption->encrypt( (string) wp_json_encode( $token->to_array() ), self::context() );
		if ( false === get_option( self::OPTION ) ) {
			add_option( self::OPTION, $stored, '', false );
		} else {
			update_option( self::OPTION, $stored, false );
		}
		if ( wp_using_ext_object_cache() ) {
			wp_cache_set( self::OPTION, $stored, self::GROUP, max( 60, $token->expires_at - time() ) );
		}
	}

	/**
	 * Forgets the token in use.
	 */
	public function clear(): void {
		delete_option( self::OPTION );
		wp_cache_delete( self::OPTION, self::GROUP );
	}

	/**
	 * What the token is bound to: this site's option.
	 */
	private static function context(): string {
		return ( new Option_Storage( self::OPTION ) )->context();
	}
}
