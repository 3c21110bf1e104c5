<?php
/**
 * Why the API refused a token.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Credentials\Credentials;
use Causerie\Connector\Diagnosis\Finding;

/**
 * RFC 6750 says only "invalid_token"; the words after it are the server's own. So the cause is found from what
 * can be checked: the token's times against the server's clock (its Date header), its issuer and audience,
 * whether the server still publishes the key it names and whether the signature matches it, and finally
 * what introspection (RFC 7662) says. The server's description stays in the evidence and is never read.
 */
final class Refusal {

	/**
	 * Constructor.
	 *
	 * @param Jwks         $jwks   The server's public keys.
	 * @param Token_Client $client Introspection.
	 */
	public function __construct(
		private readonly Jwks $jwks,
		private readonly Token_Client $client
	) {}

	/**
	 * The diagnosis of a refused token.
	 *
	 * @param Cached_Token         $token       The refused token.
	 * @param Endpoints            $endpoints   Its server.
	 * @param Credentials          $credentials Who holds it, for introspection.
	 * @param int|null             $server_time The API's clock when it refused, from its Date header.
	 * @param array<string, mixed> $evidence    What the refusal said.
	 */
	public function diagnose( Cached_Token $token, Endpoints $endpoints, Credentials $credentials, ?int $server_time, array $evidence ): Finding {
		$now     = $server_time ?? time() + $token->clock_skew;
		$claims  = Jwt_Segments::decode( $token->access_token, Jwt_Segments::CLAIMS );
		$found   = null === $claims ? $this->opaque( $token, $now ) : $this->claims( $claims, $endpoints, $now );
		$found ??= null === $claims ? null : $this->signature( $token->access_token, $endpoints );
		if ( null !== $found ) {
			return new Finding( $found[0], $evidence + $found[1] );
		}
		return $this->introspected( $token, $endpoints, $credentials, $evidence );
	}

	/**
	 * What the schedule of a token that can't be read says.
	 *
	 * @param Cached_Token $token The token.
	 * @param int          $now   The server's time.
	 * @return array{0: string, 1: array<string, mixed>}|null
	 */
	private function opaque( Cached_Token $token, int $now ): ?array {
		$expired = $token->expires_at + $token->clock_skew <= $now;
		return $expired ? array( 'token_expired', array( 'expiredAt' => gmdate( 'c', $token->expires_at ) ) ) : null;
	}

	/**
	 * What a JWT's claims say against the server's clock and the expected issuer and audience.
	 *
	 * @param array<mixed> $claims    Decoded claims.
	 * @param Endpoints    $endpoints Expected issuer and resource.
	 * @param int          $now       The server's time.
	 * @return array{0: string, 1: array<string, mixed>}|null
	 */
	private function claims( array $claims, Endpoints $endpoints, int $now ): ?array {
		$exp = $claims['exp'] ?? null;
		$nbf = $claims['nbf'] ?? null;
		return match ( true ) {
			is_numeric( $exp ) && (int) $exp <= $now => array( 'token_expired', array( 'expiredAt' => gmdate( 'c', (int) $exp ) ) ),
			is_numeric( $nbf ) && (int) $nbf > $now => array( 'token_not_yet_valid', array( 'notBefore' => gmdate( 'c', (int) $nbf ) ) ),
			default => self::misaddressed( $claims, $endpoints ),
		};
	}

	/**
	 * Whether a JWT names another issuer than the authorization server, or another audience than the API's
	 * resource (when the API published one): then the API would refuse it, however often it is renewed.
	 *
	 * @param array<mixed> $claims    Decoded claims.
	 * @param Endpoints    $endpoints Expected issuer and resource.
	 * @return array{0: string, 1: array<string, mixed>}|null
	 */
	public static function misaddressed( array $claims, Endpoints $endpoints ): ?array {
		$iss = $claims['iss'] ?? null;
		$aud = $claims['aud'] ?? null;
		$aud = is_string( $aud ) ? array( $aud ) : ( is_array( $aud ) ? $aud : null );
		if ( is_string( $iss ) && ! Well_Known::same( $iss, $endpoints->issuer ) ) {
			return array(
				'token_issuer_mismatch',
				array(
					'tokenIssuer' => $iss,
					'issuer'      => $endpoints->issuer,
				),
			);
		}
		if ( null !== $endpoints->resource && null !== $aud && ! self::names( $aud, $endpoints->resource ) ) {
			return array(
				'token_audience_mismatch',
				array(
					'audience' => $aud,
					'resource' => $endpoints->resource,
				),
			);
		}
		return null;
	}

	/**
	 * Whether the server still publishes the key the token names, and whether the signature matches it.
	 *
	 * @param string    $jwt       The token.
	 * @param Endpoints $endpoints Where the keys are.
	 * @return array{0: string, 1: array<string, mixed>}|null
	 */
	private function signature( string $jwt, Endpoints $endpoints ): ?array {
		$header = Jwt_Segments::decode( $jwt, Jwt_Segments::HEADER );
		$kid    = is_array( $header ) && isset( $header['kid'] ) && is_string( $header['kid'] ) ? $header['kid'] : '';
		$keys   = '' === $kid ? null : $this->jwks->keys( $endpoints, $kid, true );
		if ( ! is_array( $keys ) ) {
			return null;
		}
		$jwk = Jwks::find( $keys, $kid );
		if ( null === $jwk ) {
			return array(
				'signing_key_unknown',
				array(
					'kid'           => $kid,
					'publishedKids' => array_values( array_filter( array_map( static fn( array $key ): mixed => $key['kid'] ?? null, $keys ), 'is_string' ) ),
				),
			);
		}
		return false === Jwt_Signature::verify( $jwt, $jwk ) ? array( 'token_signature_invalid', array( 'kid' => $kid ) ) : null;
	}

	/**
	 * What the authorization server says of a token that looks sound: no longer active means it was withdrawn.
	 *
	 * @param Cached_Token         $token       The token.
	 * @param Endpoints            $endpoints   Where to ask.
	 * @param Credentials          $credentials Who asks.
	 * @param array<string, mixed> $evidence    What the refusal said.
	 */
	private function introspected( Cached_Token $token, Endpoints $endpoints, Credentials $credentials, array $evidence ): Finding {
		$state = '' === $endpoints->introspection_endpoint ? null : $this->client->introspect( $endpoints, $credentials, $token->access_token );
		if ( ! is_array( $state ) ) {
			return new Finding( 'token_invalid', $evidence + array( 'introspection' => null === $state ? 'not offered' : 'failed' ) );
		}
		if ( true !== ( $state['active'] ?? null ) ) {
			return new Finding( 'token_revoked', $evidence + array( 'introspection' => 'inactive' ) );
		}
		return new Finding( 'token_invalid', $evidence + array( 'introspection' => 'active' ) );
	}

	/**
	 * Whether an audience list names a resource.
	 *
	 * @param array<mixed> $audience Audience values.
	 * @param string       $resource Resource identifier.
	 */
	private static function names( array $audience, string $resource ): bool {
		foreach ( $audience as $value ) {
			if ( is_string( $value ) && Well_Known::same( $value, $resource ) ) {
				return true;
			}
		}
		return false;
	}
}
