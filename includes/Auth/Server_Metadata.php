<?php
/**
 * What the authorization server says about itself.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * RFC 8414 metadata, or the contract's defaults when the server publishes none.
 */
final class Server_Metadata {

	/**
	 * Constructor.
	 *
	 * @param string   $issuer                 Issuer identifier.
	 * @param string   $token_endpoint         Token endpoint URL.
	 * @param string   $jwks_uri               JWKS URL.
	 * @param string   $revocation_endpoint    RFC 7009 endpoint; empty when unknown.
	 * @param string   $introspection_endpoint RFC 7662 endpoint; empty when unknown.
	 * @param string[] $auth_methods           token_endpoint_auth_methods_supported.
	 * @param bool     $published              Whether the server published it, or it is the contract's default.
	 *
	 * @phpstan-param list<string> $auth_methods
	 */
	public function __construct(
		public readonly string $issuer,
		public readonly string $token_endpoint,
		public readonly string $jwks_uri,
		public readonly string $revocation_endpoint,
		public readonly string $introspection_endpoint,
		public readonly array $auth_methods,
		public readonly bool $published
	) {}

	/**
	 * The contract's default paths under the API URL (docs/causerie-api.md).
	 *
	 * @param string $api_url API base URL, which is the issuer.
	 */
	public static function defaults( string $api_url ): self {
		return new self(
			$api_url,
			$api_url . '/auth/token',
			$api_url . '/auth/jwks.json',
			$api_url . '/auth/revoke',
			$api_url . '/auth/introspect',
			array( 'client_secret_basic' ),
			false
		);
	}

	/**
	 * As stored in the cache.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'issuer'                 => $this->issuer,
			'token_endpoint'         => $this->token_endpoint,
			'jwks_uri'               => $this->jwks_uri,
			'revocation_endpoint'    => $this->revocation_endpoint,
			'introspection_endpoint' => $this->introspection_endpoint,
			'auth_methods'           => $this->auth_methods,
			'published'              => $this->published,
		);
	}

	/**
	 * Back from the cache; null when the cached value is not usable.
	 *
	 * @param mixed $data Cached value.
	 */
	public static function from_array( mixed $data ): ?self {
		if ( ! is_array( $data ) ) {
			return null;
		}
		foreach ( array( 'issuer', 'token_endpoint', 'jwks_uri', 'revocation_endpoint', 'introspection_endpoint' ) as $field ) {
			if ( ! isset( $data[ $field ] ) || ! is_string( $data[ $field ] ) ) {
				return null;
			}
		}
		$methods = isset( $data['auth_methods'] ) && is_array( $data['auth_methods'] ) ? array_values( array_filter( $data['auth_methods'], 'is_string' ) ) : array();
		return new self(
			$data['issuer'],
			$data['token_endpoint'],
			$data['jwks_uri'],
			$data['revocation_endpoint'],
			$data['introspection_endpoint'],
			$methods,
			isset( $data['published'] ) && true === $data['published']
		);
	}
}
