<?php
/**
 * Finding the authorization server and the API's resource.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;

/**
 * From the API address alone: the API's resource metadata names its authorization server (RFC 9728); that
 * server's RFC 8414 metadata, or else its OpenID Connect discovery document, names the endpoints. An issuer or
 * token endpoint set in the advanced settings wins over what is discovered. Without any metadata, Causerie's
 * own default paths apply, and only when the issuer is the API address itself: on another server they would
 * be a guess. The result is cached as long as the documents' caching headers allow, within bounds.
 *
 * Where the endpoints may be (the secret goes to them): over https when the API address is https, and over
 * plain http only when the API address is plain http, which the address policy allows only for this computer
 * on a local or development site. RFC 8414 lets a server put its endpoints on other origins, and they are
 * trusted there only as far as the document that names them: metadata fetched over https from the issuer's
 * own well-known address, naming exactly that issuer (§3.3), may point anywhere over https; plain-http
 * metadata, which nothing authenticates, may only name its own issuer's origin. Every request then passes the
 * address policy again (Http_Client).
 */
final class Discovery {

	public const CACHE_PREFIX = 'causerie_endpoints_';

	/**
	 * The most requests finding the endpoints makes: the API's own (Resource_Discovery), then the server's
	 * RFC 8414 and OpenID Connect documents.
	 */
	public const MOST_REQUESTS = Resource_Discovery::MOST_REQUESTS + 2;

	/**
	 * The longest finding the endpoints can take: every request answering at its timeout.
	 */
	public static function longest(): float {
		return self::MOST_REQUESTS * Metadata_Fetcher::TIMEOUT;
	}

	/**
	 * Constructor.
	 *
	 * @param Metadata_Fetcher   $documents Reads metadata documents.
	 * @param Resource_Discovery $resources Reads the API's own metadata.
	 */
	public function __construct(
		private readonly Metadata_Fetcher $documents,
		private readonly Resource_Discovery $resources
	) {}

	/**
	 * The endpoints for a set of credentials.
	 *
	 * @param Credentials $credentials Whose API and settings.
	 * @param bool        $fresh       Read the documents again, as verifying new credentials does.
	 * @return Endpoints|Finding
	 */
	public function endpoints( Credentials $credentials, bool $fresh = false ) {
		if ( ! $fresh ) {
			$cached = $this->cached( $credentials );
			if ( null !== $cached ) {
				return self::refused( $cached, $credentials ) ?? $cached;
			}
		}
		$found = $this->probe( $credentials );
		if ( $found instanceof Finding ) {
			return $found;
		}
		set_transient( self::key( $credentials ), $found[0]->to_array(), $found[1] );
		return $found[0];
	}

	/**
	 * Reads the documents and keeps nothing: for an address being tried, not yet saved.
	 *
	 * @param Credentials $credentials Whose API and settings.
	 * @return array{0: Endpoints, 1: int}|Finding The endpoints and how long they may be kept.
	 */
	public function probe( Credentials $credentials ) {
		$found = $this->find( $credentials );
		if ( $found instanceof Finding ) {
			return $found;
		}
		return self::refused( $found[0], $credentials ) ?? $found;
	}

	/**
	 * The endpoints already known, without asking anyone.
	 *
	 * @param Credentials $credentials Whose API and settings.
	 */
	public function cached( Credentials $credentials ): ?Endpoints {
		return Endpoints::from_array( get_transient( self::key( $credentials ) ) );
	}

	/**
	 * Forgets the endpoints kept for a set of credentials, wherever the transient lives.
	 *
	 * @param Credentials $credentials Whose API and settings.
	 */
	public function forget( Credentials $credentials ): void {
		delete_transient( self::key( $credentials ) );
	}

	/**
	 * Reads the documents.
	 *
	 * @param Credentials $credentials Whose API and settings.
	 * @return array{0: Endpoints, 1: int}|Finding The endpoints and how long they may be kept.
	 */
	private function find( Credentials $credentials ) {
		$api_url  = $credentials->api_url;
		$resource = $this->resources->find( $api_url );
		if ( $resource instanceof Finding ) {
			return $resource;
		}
		$issuer = '' !== $credentials->issuer ? $credentials->issuer : ( $resource['servers'][0] ?? $api_url );
		if ( ! self::scheme_allowed( $issuer, $api_url ) ) {
			return self::refusal( 'issuer', $issuer, $api_url, 'insecure' );
		}
		$unpublished = $resource['unpublished'];
		$ttl         = $resource['ttl'];
		foreach ( array(
			Endpoints::FROM_METADATA => Well_Known::url( $issuer, Well_Known::AUTHORIZATION_SERVER ),
			Endpoints::FROM_OPENID   => Well_Known::openid( $issuer ),
		) as $source => $url ) {
			$read = $this->documents->get( $url );
			if ( $read instanceof Finding ) {
				return $read;
			}
			if ( null === $read ) {
				$unpublished[] = $url;
				continue;
			}
			$endpoints = self::parse( $read['document'], $issuer, $url, $credentials->token_endpoint, $resource['resource'], $source );
			return $endpoints instanceof Finding ? $endpoints : array( $endpoints, min( $ttl, $read['ttl'] ) );
		}
		if ( '' !== $credentials->token_endpoint ) {
			return array( new Endpoints( $issuer, $credentials->token_endpoint, '', '', '', array(), $resource['resource'], Endpoints::FROM_SETTINGS, $unpublished ), $ttl );
		}
		if ( Well_Known::same( $issuer, $api_url ) ) {
			return array( Endpoints::defaults( untrailingslashit( $api_url ), $resource['resource'], $unpublished ), $ttl );
		}
		return new Finding(
			'not_found',
			array(
				'url'         => Well_Known::url( $issuer, Well_Known::AUTHORIZATION_SERVER ),
				'issuer'      => $issuer,
				'unpublished' => $unpublished,
			)
		);
	}

	/**
	 * Checks and reads an authorization server's metadata document.
	 *
	 * @param array<string, mixed> $document       Parsed JSON.
	 * @param string               $issuer         Expected issuer (RFC 8414 §3.3: exactly).
	 * @param string               $url            Where it came from.
	 * @param string               $token_endpoint The admin's own token endpoint, or empty.
	 * @param string|null          $resource       The API's resource, when known.
	 * @param string               $source         Endpoints::FROM_METADATA or FROM_OPENID.
	 * @return Endpoints|Finding
	 */
	private static function parse( array $document, string $issuer, string $url, string $token_endpoint, ?string $resource, string $source ) {
		$named = $document['issuer'] ?? null;
		if ( ! is_string( $named ) || ! Well_Known::same( $named, $issuer ) ) {
			return new Finding(
				'metadata_invalid',
				array(
					'url'      => $url,
					'expected' => $issuer,
					'issuer'   => is_string( $named ) ? $named : null,
				)
			);
		}
		$field          = static fn( string $name ): string => isset( $document[ $name ] ) && is_string( $document[ $name ] ) ? $document[ $name ] : '';
		$token_endpoint = '' !== $token_endpoint ? $token_endpoint : $field( 'token_endpoint' );
		if ( '' === $token_endpoint ) {
			return new Finding(
				'metadata_invalid',
				array(
					'url'     => $url,
					'missing' => 'token_endpoint',
				)
			);
		}
		$methods = $document['token_endpoint_auth_methods_supported'] ?? array( 'client_secret_basic' );
		return new Endpoints(
			$named,
			$token_endpoint,
			$field( 'jwks_uri' ),
			$field( 'revocation_endpoint' ),
			$field( 'introspection_endpoint' ),
			is_array( $methods ) ? array_values( array_filter( $methods, 'is_string' ) ) : array(),
			$resource,
			$source,
			array(),
			self::documentation( $field( 'service_documentation' ) )
		);
	}

	/**
	 * The server's page for people, as a link the admin may follow: http or https only, so that metadata can't
	 * make the screen show a javascript: or data: link.
	 *
	 * @param string $url What the metadata says.
	 */
	private static function documentation( string $url ): string {
		$scheme = strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) );
		return in_array( $scheme, array( 'http', 'https' ), true ) && '' !== (string) wp_parse_url( $url, PHP_URL_HOST ) ? esc_url_raw( $url ) : '';
	}

	/**
	 * Why endpoints may not be used for an API address, or null when they may.
	 *
	 * @param Endpoints   $endpoints   Found or cached endpoints.
	 * @param Credentials $credentials Whose API address, and the addresses the admin set, which the address
	 *                                 policy checked when they were saved.
	 */
	private static function refused( Endpoints $endpoints, Credentials $credentials ): ?Finding {
		$api_url       = $credentials->api_url;
		$named         = array(
			'issuer'                 => $endpoints->issuer,
			'token_endpoint'         => $endpoints->token_endpoint,
			'jwks_uri'               => $endpoints->jwks_uri,
			'revocation_endpoint'    => $endpoints->revocation_endpoint,
			'introspection_endpoint' => $endpoints->introspection_endpoint,
		);
		$from_metadata = in_array( $endpoints->source, array( Endpoints::FROM_METADATA, Endpoints::FROM_OPENID ), true );
		$unproven      = $from_metadata && 'https' !== strtolower( (string) wp_parse_url( $endpoints->issuer, PHP_URL_SCHEME ) );
		foreach ( array_filter( $named, static fn( string $url ): bool => '' !== $url ) as $field => $url ) {
			if ( ! self::scheme_allowed( $url, $api_url ) ) {
				return self::refusal( $field, $url, $api_url, 'insecure' );
			}
			$set = in_array( $url, array( $credentials->issuer, $credentials->token_endpoint ), true );
			if ( $unproven && ! $set && ! Well_Known::same_origin( $url, $endpoints->issuer ) ) {
				return self::refusal( $field, $url, $api_url, 'cross_origin' );
			}
		}
		return null;
	}

	/**
	 * Whether a URL's scheme may be used beside an API address: https, or http when the API address is http.
	 *
	 * @param string $url     Endpoint or issuer.
	 * @param string $api_url The API address.
	 */
	private static function scheme_allowed( string $url, string $api_url ): bool {
		$scheme = strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) );
		return 'https' === $scheme || ( 'http' === $scheme && 'http' === strtolower( (string) wp_parse_url( $api_url, PHP_URL_SCHEME ) ) );
	}

	/**
	 * The finding for an endpoint the plugin will not use.
	 *
	 * @param string $field   Which one, by its metadata name.
	 * @param string $url     Its address.
	 * @param string $api_url The API address.
	 * @param string $reason  insecure (plain http beside an https API) or cross_origin (plain-http metadata
	 *                        naming another origin).
	 */
	private static function refusal( string $field, string $url, string $api_url, string $reason ): Finding {
		return new Finding(
			'address_refused',
			array(
				'field'  => $field,
				'url'    => $url,
				'apiUrl' => $api_url,
				'reason' => $reason,
			)
		);
	}

	/**
	 * The cache key of a set of credentials: everything that changes where the endpoints are.
	 *
	 * @param Credentials $credentials Whose API and settings.
	 */
	private static function key( Credentials $credentials ): string {
		return self::CACHE_PREFIX . md5( $credentials->api_url . '|' . $credentials->issuer . '|' . $credentials->token_endpoint );
	}
}
