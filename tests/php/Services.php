<?php
/**
 * The plugin's services, built for a test as the composition root builds them.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests;

use Causerie\Connector\Api\Api_Client;
use Causerie\Connector\Api\Connection_Verifier;
use Causerie\Connector\Auth\Client_Request;
use Causerie\Connector\Auth\Discovery;
use Causerie\Connector\Auth\Jwks;
use Causerie\Connector\Auth\Lock;
use Causerie\Connector\Auth\Metadata_Fetcher;
use Causerie\Connector\Auth\Refusal;
use Causerie\Connector\Auth\Resource_Discovery;
use Causerie\Connector\Auth\Token_Client;
use Causerie\Connector\Auth\Token_Intake;
use Causerie\Connector\Auth\Token_Manager;
use Causerie\Connector\Auth\Token_Renewal;
use Causerie\Connector\Auth\Token_Revoker;
use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Encryption;
use Causerie\Connector\Credentials\Overrides;
use Causerie\Connector\Credentials\Secret_Binding;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Health\Connection_State;
use Causerie\Connector\Health\Live_Checks;
use Causerie\Connector\Http\Http_Client;
use Causerie\Connector\Http\Retry_Policy;

/**
 * The real object graph over a credential store with its own key and no wp-config overrides, and a retry
 * policy that records its waits instead of sleeping.
 */
final class Services {

	public readonly Credential_Store $credentials;
	public readonly Token_Store $store;
	public readonly Http_Client $http;
	public readonly Discovery $discovery;
	public readonly Token_Client $client;
	public readonly Jwks $jwks;
	public readonly Token_Intake $intake;
	public readonly Token_Renewal $renewal;
	public readonly Token_Manager $tokens;
	public readonly Api_Client $api;
	public readonly Connection_Verifier $verifier;
	public readonly Live_Checks $checks;
	public readonly Connection_State $state;

	/**
	 * Seconds the retry policy was asked to wait, in order.
	 *
	 * @var list<float>
	 */
	public array $waits = array();

	/**
	 * Builds the graph.
	 *
	 * @param Credential_Store|null $credentials Credentials; a store with the test key by default.
	 * @param Encryption|null       $encryption  Encryption of the token store.
	 */
	public function __construct( ?Credential_Store $credentials = null, ?Encryption $encryption = null ) {
		$encryption        = $encryption ?? new Encryption( 'test-key' );
		$secrets           = new Secret_Binding( $encryption );
		$this->credentials = $credentials ?? new Credential_Store( $encryption, new Overrides( static fn() => null, static fn() => null ), null, null, $secrets );
		$this->store       = new Token_Store( $encryption );
		$retry             = new Retry_Policy(
			function ( float $seconds ): void {
				$this->waits[] = $seconds;
			}
		);
		$binding           = new Site_Binding();
		$this->http        = new Http_Client( paused: $binding->is_paused( ... ) );
		$documents         = new Metadata_Fetcher( $this->http );
		$this->discovery   = new Discovery( $documents, new Resource_Discovery( $this->http, $documents ) );
		$this->client      = new Token_Client( new Client_Request( $this->http, $secrets ), Http_Client::DEFAULT_TIMEOUT, $retry );
		$this->jwks        = new Jwks( $documents );
		$revoker           = new Token_Revoker( $this->discovery, $this->client );
		$this->intake      = new Token_Intake( $this->client, $this->store, $binding );
		$this->renewal     = new Token_Renewal( $this->credentials, $this->discovery, $this->client, $this->store, $this->intake, new Lock(), $revoker );
		$this->tokens      = new Token_Manager( $this->credentials, $this->discovery, $this->client, $this->store, $binding, $revoker, $this->intake, $this->renewal );
		$this->api         = new Api_Client( $this->tokens, $this->credentials, $this->http, new Refusal( $this->jwks, $this->client ), $retry );
		$this->verifier    = new Connection_Verifier( $this->discovery, $this->client, $this->api );
		$this->state       = new Connection_State( $this->credentials, $binding );
		$this->checks      = new Live_Checks( $this->credentials, $this->tokens, $this->api, $binding, $this->state );
	}

	/**
	 * Saves credentials for the site's profile.
	 *
	 * @param array<string, mixed> $fields clientId, clientSecret, apiUrl, issuer, tokenEndpoint, scopes.
	 */
	public function connect( array $fields ): self {
		$this->credentials->save( $this->credentials->active_environment(), $fields );
		return $this;
	}
}
