<?php
/**
 * The token in use, with its schedule.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

/**
 * An access token and, when issued, its refresh token, with when to renew it. Times are local Unix times,
 * already corrected for the API's clock: the skew measured from the Date header is taken out.
 */
final class Cached_Token {

	/**
	 * Renew at this share of the lifetime...
	 */
	private const RENEW_AT = 0.8;

	/**
	 * ...and no later than this many seconds before expiry.
	 */
	private const RENEW_MARGIN = 60;

	/**
	 * Constructor.
	 *
	 * @param string      $access_token  Bearer token.
	 * @param string|null $refresh_token Refresh token, when issued.
	 * @param int         $issued_at     Local time it was received.
	 * @param int         $expires_at    Local time it expires.
	 * @param string[]    $scopes        Granted scopes.
	 * @param string      $environment   Profile it was issued for.
	 * @param int         $clock_skew    API clock minus local clock, in seconds, when it was issued.
	 *
	 * @phpstan-param list<string> $scopes
	 */
	public function __construct(
		public readonly string $access_token,
		public readonly ?string $refresh_token,
		public readonly int $issued_at,
		public readonly int $expires_at,
		public readonly array $scopes,
		public readonly string $environment,
		public readonly int $clock_skew
	) {}

	/**
	 * From a token endpoint answer. The expiry comes from the JWT's exp claim on the API's clock when the
	 * token is a JWT, else from expires_in.
	 *
	 * @param Token_Response $response    The answer.
	 * @param string         $environment Profile.
	 */
	public static function from_response( Token_Response $response, string $environment ): self {
		$skew       = null === $response->server_time ? 0 : $response->server_time - $response->received_at;
		$lifetime   = $response->expires_in ?? 3600;
		$expires_at = $response->received_at + $lifetime;
		$claims     = Jwt_Segments::decode( $response->access_token, Jwt_Segments::CLAIMS );
		if ( isset( $claims['exp'] ) && is_int( $claims['exp'] ) ) {
			$expires_at = $claims['exp'] - $skew;
		}
		return new self( $response->access_token, $response->refresh_token, $response->received_at, $expires_at, $response->scopes, $environment, $skew );
	}

	/**
	 * When to renew: at 80% of the lifetime, and at least a minute before expiry.
	 */
	public function renew_at(): int {
		$lifetime = max( 0, $this->expires_at - $this->issued_at );
		return min( $this->issued_at + (int) floor( $lifetime * self::RENEW_AT ), $this->expires_at - self::RENEW_MARGIN );
	}

	/**
	 * Whether it can still be sent.
	 *
	 * @param int $now Local time.
	 */
	public function is_usable( int $now ): bool {
		return $now < $this->expires_at;
	}

	/**
	 * As stored (encrypted) in the database.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'accessToken'  => $this->access_token,
			'refreshToken' => $this->refresh_token,
			'issuedAt'     => $this->issued_at,
			'expiresAt'    => $this->expires_at,
			'scopes'       => $this->scopes,
			'environment'  => $this->environment,
			'clockSkew'    => $this->clock_skew,
		);
	}

	/**
	 * Back from storage; null when not usable.
	 *
	 * @param mixed $data Stored value.
	 */
	public static function from_array( mixed $data ): ?self {
		if ( ! is_array( $data ) || ! isset( $data['accessToken'], $data['issuedAt'], $data['expiresAt'], $data['environment'] )
			|| ! is_string( $data['accessToken'] ) || ! is_int( $data['issuedAt'] ) || ! is_int( $data['expiresAt'] ) || ! is_string( $data['environment'] ) ) {
			return null;
		}
		$scopes = isset( $data['scopes'] ) && is_array( $data['scopes'] ) ? array_values( array_filter( $data['scopes'], 'is_string' ) ) : array();
		return new self(
			$data['accessToken'],
			isset( $data['refreshToken'] ) && is_string( $data['refreshToken'] ) ? $data['refreshToken'] : null,
			$data['issuedAt'],
			$data['expiresAt'],
			$scopes,
			$data['environment'],
			isset( $data['clockSkew'] ) && is_int( $data['clockSkew'] ) ? $data['clockSkew'] : 0
		);
	}
}
