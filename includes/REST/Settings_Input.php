<?php
/**
 * What a settings request asks to change.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\REST;

use Causerie\Connector\Api\Connection_Verifier;
use Causerie\Connector\Api\Verified;
use Causerie\Connector\Credentials\Api_Url_Policy;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Diagnosis\Finding;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Server;

/**
 * The argument schemas of the settings routes, and the checks a schema can't express: unknown fields,
 * fields locked by wp-config.php, the API URL policy, and where the secret in force may go (Secret_Rules).
 * Every failure is a 400 naming the field.
 */
final class Settings_Input {

	/**
	 * Fields a request may change.
	 */
	private const WRITABLE = array( 'clientId', 'clientSecret', 'apiUrl', 'issuer', 'tokenEndpoint', 'scopes' );

	/**
	 * Fields that can only be emptied where the network's value takes over.
	 */
	private const REQUIRED = array( 'clientId', 'clientSecret', 'apiUrl' );

	/**
	 * Where the secret in force may go, and what a site using the network's may change.
	 *
	 * @var Secret_Rules
	 */
	private readonly Secret_Rules $secret_rules;

	/**
	 * Constructor.
	 *
	 * @param Credential_Store  $store        Stored credentials.
	 * @param Api_Url_Policy    $url_policy   Rules for the API URL.
	 * @param Secret_Rules|null $secret_rules Rules for the secret in force; over the same store by default.
	 */
	public function __construct(
		private readonly Credential_Store $store,
		private readonly Api_Url_Policy $url_policy,
		?Secret_Rules $secret_rules = null
	) {
		$this->secret_rules = $secret_rules ?? new Secret_Rules( $store );
	}

	/**
	 * The `environment` argument of the settings routes.
	 *
	 * @param string $description What it selects, translated.
	 * @return array<string, mixed>
	 */
	public static function environment_arg( string $description ): array {
		return array(
			'description' => $description,
			'type'        => 'string',
			'enum'        => Credential_Store::ENVIRONMENTS,
		);
	}

	/**
	 * Read and update endpoints of a settings route, the site's or the network's: one schema for both.
	 *
	 * @param WP_REST_Controller   $controller  Has get_item, update_item, check_permission and the schema.
	 * @param array<string, mixed> $environment The environment argument.
	 * @return array<int|string, mixed>
	 */
	public static function endpoints( WP_REST_Controller $controller, array $environment ): array {
		return array(
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $controller, 'get_item' ),
				'permission_callback' => array( $controller, 'check_permission' ),
				'args'                => array( 'environment' => $environment ),
			),
			array(
				'methods'             => WP_REST_Server::EDITABLE,
				'callback'            => array( $controller, 'update_item' ),
				'permission_callback' => array( $controller, 'check_permission' ),
				'args'                => array( 'environment' => $environment ) + self::args(),
			),
			'schema' => array( $controller, 'get_public_item_schema' ),
		);
	}

	/**
	 * Argument schemas of the writable fields.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function args(): array {
		return array(
			'clientId'      => array(
				'description' => __( 'OAuth client id from the Causerie dashboard.', 'causerie-connector' ),
				'type'        => 'string',
				'maxLength'   => 191,
				// Empty on a site of a network: use the network's.
				'pattern'     => '^(\s*[A-Za-z0-9._:@-]+\s*)?$',
			),
			'clientSecret'  => array(
				'description' => __( 'OAuth client secret; write-only.', 'causerie-connector' ),
				'type'        => 'string',
				'maxLength'   => 512,
				'pattern'     => '^([\x21-\x7E]{8,512})?$',
			),
			'apiUrl'        => array(
				'description' => __( 'Base URL of the Causerie API; empty on a site of a network to use the network\'s.', 'causerie-connector' ),
				'type'        => 'string',
				'maxLength'   => 2048,
			),
			'issuer'        => array(
				'description' => __( 'Advanced: the authorization server (issuer) of a server that publishes no metadata; empty to discover it from the API address.', 'causerie-connector' ),
				'type'        => 'string',
				'maxLength'   => 2048,
			),
			'tokenEndpoint' => array(
				'description' => __( 'Advanced: the token endpoint of a server that publishes no metadata; empty to discover it.', 'causerie-connector' ),
				'type'        => 'string',
				'maxLength'   => 2048,
			),
			'scopes'        => array(
				'description' => __( 'Scopes to request.', 'causerie-connector' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => Scopes::ALL,
				),
				'minItems'    => 1,
				'uniqueItems' => true,
			),
		);
	}

	/**
	 * The changes a request asks for, checked field by field.
	 *
	 * @param WP_REST_Request $request        Request.
	 * @param string          $environment    Profile.
	 * @param bool            $require_change Whether an empty request is an error.
	 * @return array<string, mixed>|WP_Error
	 */
	public function changes( WP_REST_Request $request, string $environment, bool $require_change = true ) {
		$body    = self::body_of( $request );
		$unknown = array_diff( array_keys( $body ), array_merge( self::WRITABLE, array( 'environment' ) ) );
		if ( array() !== $unknown ) {
			return self::field_error(
				'causerie_unknown_field',
				/* translators: %s: a field name sent in the request */
				sprintf( __( 'Unknown setting: %s.', 'causerie-connector' ), implode( ', ', $unknown ) ),
				(string) reset( $unknown )
			);
		}
		$changes = array_intersect_key( $body, array_flip( self::WRITABLE ) );
		if ( $require_change && array() === $changes ) {
			return self::field_error( 'causerie_nothing_to_save', __( 'Send at least one setting to change.', 'causerie-connector' ), '' );
		}
		$locked = array_intersect_key( $changes, $this->store->credentials( $environment )->locked );
		if ( array() !== $locked ) {
			$field = (string) array_key_first( $locked );
			return self::field_error(
				'causerie_field_locked',
				/* translators: %s: a field name, such as clientId */
				sprintf( __( 'The %s setting is set in wp-config.php or the server environment, and can only be changed there.', 'causerie-connector' ), $field ),
				$field
			);
		}
		// Removing a value means "use the network's": where there is none above, the field can't be emptied.
		foreach ( self::REQUIRED as $field ) {
			if ( ! $this->store->inherits() && isset( $changes[ $field ] ) && is_string( $changes[ $field ] ) && '' === trim( $changes[ $field ] ) ) {
				return self::field_error(
					'causerie_field_required',
					/* translators: %s: a field name, such as apiUrl */
					sprintf( __( 'The %s setting can\'t be empty.', 'causerie-connector' ), $field ),
					$field
				);
			}
		}
		foreach ( Credential_Store::ADDRESSES as $field ) {
			if ( ! isset( $changes[ $field ] ) || ! is_string( $changes[ $field ] ) || '' === trim( $changes[ $field ] ) ) {
				continue;
			}
			$url = $this->url_policy->check( $changes[ $field ], $environment );
			if ( $url instanceof WP_Error ) {
				return new WP_Error( $url->get_error_code(), $url->get_error_message(), array( 'field' => $field ) + (array) $url->get_error_data() );
			}
			$changes[ $field ] = $url;
		}
		foreach ( array( 'clientId', 'apiUrl', 'issuer', 'tokenEndpoint' ) as $field ) {
			if ( isset( $changes[ $field ] ) && is_string( $changes[ $field ] ) ) {
				$changes[ $field ] = trim( $changes[ $field ] );
			}
		}
		return $this->secret_rules->refusal( $environment, $changes ) ?? $changes;
	}

	/**
	 * The profile a request is about: the one it names, else the active one of this input's store.
	 *
	 * @param WP_REST_Request $request Request.
	 */
	public function environment_of( WP_REST_Request $request ): string {
		$environment = $request->get_param( 'environment' );
		return is_string( $environment ) ? $environment : $this->store->active_environment();
	}

	/**
	 * The validated changes of a save, once the credentials they make work against their own API and for
	 * their own environment. A profile still being filled in has nothing to try yet.
	 *
	 * @param WP_REST_Request     $request     Request.
	 * @param string              $environment Profile.
	 * @param Connection_Verifier $verifier    Tries the credentials.
	 * @return array{0: array<string, mixed>, 1: Verified|null}|WP_Error The changes, and the verification when
	 *                                                                 the credentials were complete.
	 */
	public function verified_changes( WP_REST_Request $request, string $environment, Connection_Verifier $verifier ) {
		$changes = $this->changes( $request, $environment );
		if ( $changes instanceof WP_Error ) {
			return $changes;
		}
		$candidate = $this->store->preview( $environment, $changes );
		$verified  = $candidate->is_complete() ? $verifier->verify( $candidate, self::typed_secret( $changes ) ) : null;
		if ( $verified instanceof Finding ) {
			return Diagnosis_Error::from( 'causerie_verification_failed', $verified );
		}
		return array( $changes, $verified );
	}

	/**
	 * Whether changes carry a secret typed now: one refused is diagnosed as mistyped, never as regenerated.
	 *
	 * @param array<string, mixed> $changes Validated changes.
	 */
	public static function typed_secret( array $changes ): bool {
		return isset( $changes['clientSecret'] ) && '' !== $changes['clientSecret'];
	}

	/**
	 * The fields sent in the body, JSON or form.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	private static function body_of( WP_REST_Request $request ): array {
		$json = $request->get_json_params();
		$body = is_array( $json ) ? $json : $request->get_body_params();
		return array_filter( $body, 'is_string', ARRAY_FILTER_USE_KEY );
	}

	/**
	 * A 400 naming the field at fault.
	 *
	 * @param string $code    Stable error code.
	 * @param string $message Plain-language reason.
	 * @param string $field   The field, or empty when the request as a whole is at fault.
	 */
	public static function field_error( string $code, string $message, string $field ): WP_Error {
		return new WP_Error(
			$code,
			$message,
			array(
				'status' => 400,
				'field'  => $field,
			)
		);
	}
}
