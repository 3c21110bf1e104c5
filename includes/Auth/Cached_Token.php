<?php
/**
 * The token in use, with its schedule.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Auth;

use Causerie\Connector\Log\Redactor;

/**
 * An access token and, when issued, its refresh token, with when to renew it. Times are local Unix times,
 * already corrected for the API's clock: the skew measured from the Date header is taken out. The token
 * remembers which credentials it was issued to (their identity, never the secret), so one issued to other
 * credentials is never handed out again.
 */
final class Cached_Token {

	/**
	 * Renew at this share of the lifetime: late enough that a token just received is never renewed, early
	 * enough that one living ten seconds is still renewed before it expires.
	 */
	private const RENEW_AT = 0.8;

	/**
	 * Lifetime assumed when neither the answer (expires_in), the token (exp) nor introspection tells it; a
	 * refusal renews it sooner anyway.
	 */
	public const ASSUMED_LIFETIME = 15 * MINUTE_IN_SECONDS;

	/**
	 * The latest expiry a token is given (9999-12-31, the last a date shows): a later exp or expires_in is
	 * read as this, so that no sum with it overflows an integer.
	 */
	private const LATEST = 253402300799;

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
	 * @param string      $identity      Credentials::identity() of the credentials it was issued to.
	 * @param bool        $expiry_known  Whether the server stated the expiry, or it is assumed.
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
		public readonly int $clock_skew,
		public readonly string $identity = '',
		public readonly bool $expiry_known = true
	) {}

	/**
	 * From a token endpoint answer. The expiry comes from expires_in and the local time of receipt; else from
	 * the JWT's exp on the API's clock; else from what introspection said; else it is assumed.
	 *
	 * @param Token_Response $response    The answer.
	 * @param string         $environment Profile.
	 * @param string         $identity    Identity of the credentials it was issued to.
	 * @param int|null       $exp         Expiry from introspection, on the API's clock, when asked.
	 */
	public static function from_response( Token_Response $response, string $environment, string $identity, ?int $exp = null ): self {
		$skew   = null === $response->server_time ? 0 : $response->server_time - $response->received_at;
		$claims = Jwt_Segments::decode( $response->access_token, Jwt_Segments::CLAIMS );
		$exp    = isset( $claims['exp'] ) && is_int( $claims['exp'] ) ? $claims['exp'] : $exp;
		$known  = null !== $response->expires_in || null !== $exp;
		$expiry = match ( true ) {
			null !== $response->expires_in => $response->received_at + min( $response->expires_in, self::LATEST ),
			null !== $exp => max( 0, min( $exp, self::LATEST ) ) - $skew,
			default => $response->received_at + self::ASSUMED_LIFETIME,
		};
		return new self( $response->access_token, $response->refresh_token, $response->received_at, $expiry, $response->scopes, $environment, $skew, $identity, $known );
	}

	/**
	 * Whether the answer leaves the expiry unknown, so introspection is worth asking.
	 *
	 * @param Token_Response $response The answer.
	 */
	public static function needs_expiry( Token_Response $response ): bool {
		$claims = Jwt_Segments::decode( $response->access_token, Jwt_Segments::CLAIMS );
		return null === $response->expires_in && ! ( isset( $claims['exp'] ) && is_int( $claims['exp'] ) );
	}

	/**
	 * When to renew: at 80% of the lifetime, whatever the lifetime.
	 */
	public function renew_at(): int {
		return $this->issued_at + (int) floor( max( 0, $this->expires_at - $this->issued_at ) * self::RENEW_AT );
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
	 * Whether it was issued to these credentials for this profile.
	 *
	 * @param string $environment Profile.
	 * @param string $identity    Credentials::identity().
	 */
	public function belongs_to( string $environment, string $identity ): bool {
		return $this->environment === $environment && hash_equals( $this->identity, $identity );
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
			'identity'     => $this->identity,
			'expiryKnown'  => $this->expiry_known,
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
		Redactor::remember( $data['accessToken'], isset( $data['refreshToken'] ) && is_string( $data['refreshToken'] ) ? $data['refreshToken'] : null );
		return new self(
			$data['accessToken'],
			isset( $data['refreshToken'] ) && is_string( $data['refreshToken'] ) ? $data['refreshToken'] : null,
			$data['issuedAt'],
			$data['expiresAt'],
			$scopes,
			$data['environment'],
			isset( $data['clockSkew'] ) && is_int( $data['clockSkew'] ) ? $data['clockSkew'] : 0,
			isset( $data['identity'] ) && is_string( $data['identity'] ) ? $data['identity'] : '',
			! isset( $data['expiryKnown'] ) || true === $data['expiryKnown']
		);
	}
}
