<?php
/**
 * The plugin's section of Site Health's Info tab.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Auth\Token_Store;
use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Cron\Token_Refresh;

/**
 * What support asks for first, where admins already look: versions, settings, the token's schedule and
 * scopes, the last checks and diagnosis, and whether WP-Cron runs. Never a secret, its hint or a token; the
 * API address and client id are private, so "Copy site info to clipboard" leaves them out.
 *
 * @phpstan-type Field array{label: string, value: string, debug?: string, private?: bool}
 */
final class Debug_Information {

	public const SECTION = 'causerie-connector';

	/**
	 * A renewal job this late, in seconds, means WP-Cron does not run: it is due every five minutes.
	 */
	private const CRON_OVERDUE = 600;

	/**
	 * Constructor.
	 *
	 * @param string            $plugin_version Plugin version.
	 * @param Credential_Store  $credentials    Stored credentials.
	 * @param Token_Store       $tokens         The cached token.
	 * @param Connection_Status $status         The status at a glance.
	 */
	public function __construct(
		private readonly string $plugin_version,
		private readonly Credential_Store $credentials,
		private readonly Token_Store $tokens,
		private readonly Connection_Status $status
	) {}

	/**
	 * Hooks the section into Site Health's Info tab.
	 */
	public function register(): void {
		add_filter( 'debug_information', array( $this, 'add_section' ) );
	}

	/**
	 * Adds the section.
	 *
	 * @param mixed $info Core's sections.
	 * @return array<mixed>
	 */
	public function add_section( $info ): array {
		$info                  = is_array( $info ) ? $info : array();
		$info[ self::SECTION ] = array(
			'label'       => __( 'Causerie Connector', 'causerie-connector' ),
			'description' => __( 'The connection to the Causerie chatbot API. The client secret and the access tokens are never shown here.', 'causerie-connector' ),
			'fields'      => $this->fields(),
		);
		return $info;
	}

	/**
	 * The section's fields.
	 *
	 * @return array<string, array<string, mixed>>
	 *
	 * @phpstan-return array<string, Field>
	 */
	public function fields(): array {
		$settings  = $this->credentials->public_view();
		$status    = $this->status->current();
		$token     = $this->tokens->get();
		$diagnosis = $status['diagnosis'];
		$none      = __( 'None', 'causerie-connector' );
		return array(
			'version'          => array(
				'label' => __( 'Plugin version', 'causerie-connector' ),
				'value' => $this->plugin_version,
			),
			'api_url'          => array(
				'label'   => __( 'API address', 'causerie-connector' ),
				'value'   => self::text( $settings['apiUrl'] ?? '', __( 'Not set', 'causerie-connector' ) ),
				'private' => true,
			),
			'issuer'           => array(
				'label'   => __( 'Sign-in service (issuer)', 'causerie-connector' ),
				'value'   => self::text( $status['server']['issuer'] ?? '', __( 'Not found yet', 'causerie-connector' ) ),
				'debug'   => ( $status['server']['source'] ?? 'unknown' ) . ' ' . ( $status['server']['tokenEndpoint'] ?? '' ),
				'private' => true,
			),
			'client_id'        => array(
				'label'   => __( 'Client id', 'causerie-connector' ),
				'value'   => self::text( $settings['clientId'] ?? '', __( 'Not set', 'causerie-connector' ) ),
				'private' => true,
			),
			'client_secret'    => $this->secret_field( self::text( $settings['secretStatus'] ?? '', 'missing' ) ),
			'environment'      => array(
				// The screen's words for the profile, not the name of the setting.
				'label' => __( 'Credentials used when this site runs as', 'causerie-connector' ),
				'value' => self::text( $settings['environment'] ?? '', wp_get_environment_type() ),
			),
			'locked_fields'    => $this->locked_field( is_object( $settings['locked'] ?? null ) ? get_object_vars( $settings['locked'] ) : array() ),
			'requested_scopes' => array(
				'label' => __( 'Requested scopes', 'causerie-connector' ),
				'value' => implode( ' ', is_array( $settings['scopes'] ?? null ) ? array_filter( $settings['scopes'], 'is_string' ) : array() ),
			),
			'state'            => array(
				'label' => __( 'Connection state', 'causerie-connector' ),
				'value' => match ( $status['state'] ) {
					'connected' => __( 'Connected', 'causerie-connector' ),
				'broken'    => __( 'Broken', 'causerie-connector' ),
				default     => __( 'Needs attention', 'causerie-connector' ),
				},
				'debug' => $status['state'],
			),
			'diagnosis'        => array(
				'label' => __( 'Last diagnosis', 'causerie-connector' ),
				'value' => null === $diagnosis ? $none : $diagnosis['title'] . ' (' . $diagnosis['code'] . ')',
				'debug' => null === $diagnosis ? 'none' : $diagnosis['code'],
			),
			'token_expires'    => self::time_field( __( 'Access token expires', 'causerie-connector' ), $status['tokenExpiresAt'], __( 'No token held', 'causerie-connector' ) ),
			'token_renews'     => self::time_field( __( 'Access token renewal', 'causerie-connector' ), $status['nextRefreshAt'], __( 'No token held', 'causerie-connector' ) ),
			'token_scopes'     => array(
				'label' => __( 'Granted scopes', 'causerie-connector' ),
				'value' => null === $token ? __( 'No token held', 'causerie-connector' ) : implode( ' ', $token->scopes ),
			),
			'last_check'       => self::time_field( __( 'Last live checks', 'causerie-connector' ), $status['checkedAt'], __( 'Never', 'causerie-connector' ) ),
			'last_success'     => self::time_field( __( 'Last success', 'causerie-connector' ), $status['lastSuccessAt'], __( 'Never', 'causerie-connector' ) ),
			'wp_cron'          => $this->cron_field(),
		);
	}

	/**
	 * Whether the secret is set and readable, in words.
	 *
	 * @param string $secret_status ok, missing, key_changed, copied or corrupt.
	 * @phpstan-return Field
	 */
	private function secret_field( string $secret_status ): array {
		return array(
			'label' => __( 'Client secret', 'causerie-connector' ),
			'value' => match ( $secret_status ) {
				'ok'          => __( 'Set', 'causerie-connector' ),
			'key_changed' => __( 'Unreadable: the encryption key changed', 'causerie-connector' ),
			'copied'      => __( 'Unreadable: it was saved for another site or setting', 'causerie-connector' ),
			'corrupt'     => __( 'Unreadable: the stored value is damaged', 'causerie-connector' ),
			default       => __( 'Missing', 'causerie-connector' ),
			},
			'debug' => $secret_status,
		);
	}

	/**
	 * The fields set in wp-config.php or the environment, which the screen can't change.
	 *
	 * @param array<mixed> $locked Field → source.
	 * @phpstan-return Field
	 */
	private function locked_field( array $locked ): array {
		$names = array(
			'clientId'     => __( 'Client id', 'causerie-connector' ),
			'clientSecret' => __( 'Client secret', 'causerie-connector' ),
			'apiUrl'       => __( 'API address', 'causerie-connector' ),
			'scopes'       => __( 'Scopes', 'causerie-connector' ),
		);
		$value = array();
		$debug = array();
		foreach ( $locked as $field => $source ) {
			$source  = is_string( $source ) ? $source : '';
			$value[] = sprintf(
				/* translators: 1: a setting, such as "Client id", 2: where its value comes from. */
				__( '%1$s (%2$s)', 'causerie-connector' ),
				$names[ $field ] ?? (string) $field,
				'constant' === $source ? __( 'wp-config.php constant', 'causerie-connector' ) : __( 'environment variable', 'causerie-connector' )
			);
			$debug[] = $field . ':' . $source;
		}
		return array(
			'label' => __( 'Locked by constants or environment variables', 'causerie-connector' ),
			'value' => array() === $value ? __( 'None', 'causerie-connector' ) : implode( ', ', $value ),
			'debug' => array() === $debug ? 'none' : implode( ', ', $debug ),
		);
	}

	/**
	 * Whether WP-Cron runs the token renewal: disabled, not scheduled, overdue or due.
	 *
	 * @phpstan-return Field
	 */
	private function cron_field(): array {
		$disabled = defined( 'DISABLE_WP_CRON' ) && (bool) constant( 'DISABLE_WP_CRON' );
		$next     = wp_next_scheduled( Token_Refresh::HOOK );
		if ( false === $next ) {
			$value = __( 'The token renewal is not scheduled.', 'causerie-connector' );
			$debug = 'not scheduled';
		} elseif ( $next < time() - self::CRON_OVERDUE ) {
			/* translators: %s: a duration, such as "2 hours". */
			$value = sprintf( __( 'The token renewal is %s overdue: WP-Cron does not seem to run.', 'causerie-connector' ), human_time_diff( $next ) );
			$debug = 'overdue since ' . gmdate( 'c', $next );
		} else {
			/* translators: %s: a date and time. */
			$value = sprintf( __( 'The token renewal runs next at %s.', 'causerie-connector' ), Site_Health_Result::local_time( $next ) );
			$debug = 'next ' . gmdate( 'c', $next );
		}
		if ( $disabled ) {
			$value .= ' ' . __( 'WP-Cron is disabled in wp-config.php (DISABLE_WP_CRON), so a server task must call wp-cron.php.', 'causerie-connector' );
			$debug .= ', DISABLE_WP_CRON';
		}
		return array(
			'label' => __( 'WP-Cron', 'causerie-connector' ),
			'value' => $value,
			'debug' => $debug,
		);
	}

	/**
	 * A time, shown in the site's format and copied as ISO 8601.
	 *
	 * @param string      $label Field label.
	 * @param string|null $iso   ISO 8601 time, or null.
	 * @param string      $unset What to show without a time.
	 * @phpstan-return Field
	 */
	private static function time_field( string $label, ?string $iso, string $unset ): array {
		$time = null === $iso ? false : strtotime( $iso );
		return array(
			'label' => $label,
			'value' => false === $time ? $unset : Site_Health_Result::local_time( $time ),
			'debug' => false === $time ? 'none' : gmdate( 'c', $time ),
		);
	}

	/**
	 * A string value, or a fallback when empty or not a string.
	 *
	 * @param mixed  $value    Value.
	 * @param string $fallback Fallback.
	 */
	private static function text( mixed $value, string $fallback ): string {
		return is_string( $value ) && '' !== $value ? $value : $fallback;
	}
}
