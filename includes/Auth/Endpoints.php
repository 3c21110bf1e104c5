<?php
/**
 * Where the plugin asks for tokens, and for which API.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * The authorization server's endpoints and the protected resource they issue tokens for, with how they were
 * found: published metadata (RFC 8414 or OpenID Connect), set by the admin, or Causerie's default paths.
 */
final class Endpoints {

	public const FROM_METADATA = 'metadata';
	public const FROM_OPENID   = 'openid';
	public const FROM_SETTINGS = 'settings';
	public const FROM_DEFAULTS = 'defaults';

	/**
	 * Constructor.
	 *
	 * @param string      $issuer                 Issuer identifier.
	 * @param string      $token_endpoint         Token endpoint URL.
	 * @param string      $jwks_uri               JWKS URL; empty when unknown.
	 * @param string      $revocation_endpoint    RFC 7009 endpoint; empty when the server offers none.
	 * @param string      $introspection_endpoint RFC 7662 endpoint; empty when the server offers none.
	 * @param string[]    $auth_methods           token_endpoint_auth_methods_supported.
	 * @param string|null $resource               The API's resource identifier (RFC 9728), when it publishes one.
	 * @param string      $source                 How the endpoints were found: a FROM_ constant.
	 * @param string[]    $unpublished            Metadata addresses that answered "not found", for the diagnosis.
	 * @param string      $documentation          RFC 8414 service_documentation: the server's page for people
	 *                                            (where the credentials come from); empty when it names none.
	 *
	 * @phpstan-param list<string> $auth_methods
	 * @phpstan-param list<string> $unpublished
	 */
	public function __construct(
		public readonly string $issuer,
		public readonly string $token_endpoint,
		public readonly string $jwks_uri,
		public readonly string $revocation_endpoint,
		public readonly string $introspection_endpoint,
		public readonly array $auth_methods,
		public readonly ?string $resource,
		public readonly string $source,
		public readonly array $unpublished = array(),
		public readonly string $documentation = ''
	) {}

	/**
	 * Causerie's own paths under its API address (docs/causerie-api.md), for when it publishes no metadata.
	 *
	 * @param string      $api_url     API address, which is then the issuer.
	 * @param string|null $resource    The resource, when its metadata named this issuer.
	 * @param string[]    $unpublished Metadata addresses that answered "not found".
	 *
	 * @phpstan-param list<string> $unpublished
	 */
	public static function defaults( string $api_url, ?string $resource, array $unpublished ): self {
		return new self( $api_url, $api_url . '/auth/token', $api_url . '/auth/jwks.json', $api_url . '/auth/revoke', $api_url . '/auth/introspect', array( 'client_secret_basic' ), $resource, self::FROM_DEFAULTS, $unpublished );
	}

	/**
	 * What the status screen and the support report may show; the fix wizard links its steps done in the
	 * Causerie dashboard to the documentation page, read here from the cache rather than asked for.
	 *
	 * @return array{issuer: string, tokenEndpoint: string, resource: string|null, source: string, revocation: bool, introspection: bool, documentation: string|null}
	 */
	public function public_view(): array {
		return array(
			'issuer'        => $this->issuer,
			'tokenEndpoint' => $this->token_endpoint,
			'resource'      => $this->resource,
			'source'        => $this->source,
			'revocation'    => '' !== $this->revocation_endpoint,
			'introspection' => '' !== $this->introspection_endpoint,
			'documentation' => '' === $this->documentation ? null : $this->documentation,
		);
	}

	/**
	 * As cached.
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
			'resource'               => $this->resource,
			'source'                 => $this->source,
			'unpublished'            => $this->unpublished,
			'service_documentation'  => $this->documentation,
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
		foreach ( array( 'issuer', 'token_endpoint', 'jwks_uri', 'revocation_endpoint', 'introspection_endpoint', 'source' ) as $field ) {
			if ( ! isset( $data[ $field ] ) || ! is_string( $data[ $field ] ) ) {
				return null;
			}
		}
		$strings = static fn( mixed $list ): array => is_array( $list ) ? array_values( array_filter( $list, 'is_string' ) ) : array();
		return new self(
			$data['issuer'],
			$data['token_endpoint'],
			$data['jwks_uri'],
			$data['revocation_endpoint'],
			$data['introspection_endpoint'],
			$strings( $data['auth_methods'] ?? null ),
			isset( $data['resource'] ) && is_string( $data['resource'] ) ? $data['resource'] : null,
			$data['source'],
			$strings( $data['unpublished'] ?? null ),
			isset( $data['service_documentation'] ) && is_string( $data['service_documentation'] ) ? $data['service_documentation'] : ''
		);
	}
}
