<?php
/**
 * The credentials in force for one environment profile.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

use Causerie\Connector\Log\Redactor;

/**
 * Stored values with overrides applied, and the network's values where the site has none. The secret is
 * plaintext here and exists only in memory.
 */
final class Credentials {

	/**
	 * Constructor.
	 *
	 * @param string                     $environment    Profile these belong to.
	 * @param string                     $client_id      OAuth client id; empty when not set.
	 * @param string|null                $secret         Plaintext secret; null when missing or not decryptable.
	 * @param Decryption_Failure|null    $secret_failure Why a stored secret could not be read.
	 * @param string                     $api_url        API base URL; empty when not set.
	 * @param string[]                   $scopes         Scopes to request.
	 * @param array<string, string>      $locked         Field → where its overriding value comes from.
	 * @param array<string, string>      $inherited      Field → the level its value comes from ('network'), for
	 *                                                   fields this site does not set itself.
	 * @param string                     $issuer         Authorization server set by hand; empty to discover it.
	 * @param string                     $token_endpoint Token endpoint set by hand; empty to discover it.
	 * @param array<string, string>|null $secret_binding Where the secret was proven (Secret_Binding), as stored
	 *                                                 beside it; null when it has no record.
	 *
	 * @phpstan-param list<string> $scopes
	 * @phpstan-param array{secret: string, address: string}|null $secret_binding
	 */
	public function __construct(
		public readonly string $environment,
		public readonly string $client_id,
		public readonly ?string $secret,
		public readonly ?Decryption_Failure $secret_failure,
		public readonly string $api_url,
		public readonly array $scopes,
		public readonly array $locked,
		public readonly array $inherited = array(),
		public readonly string $issuer = '',
		public readonly string $token_endpoint = '',
		public readonly ?array $secret_binding = null
	) {
		// Every secret in clear passes through here, whatever its source: from here on it is masked in logs and errors.
		Redactor::remember( $secret );
	}

	/**
	 * Who these credentials are, without the secret: a token issued to other credentials is not theirs.
	 */
	public function identity(): string {
		return hash( 'sha256', implode( "\n", array( $this->client_id, $this->api_url, $this->issuer, $this->token_endpoint ) ) );
	}

	/**
	 * Whether there is enough to ask for a token.
	 */
	public function is_complete(): bool {
		return '' !== $this->client_id && null !== $this->secret && '' !== $this->api_url;
	}
}
