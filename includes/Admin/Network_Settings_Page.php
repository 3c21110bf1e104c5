<?php
/**
 * The Network Admin → Settings → Causerie screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Scopes;
use Causerie\Connector\Plugin;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\REST\Network_Settings_Controller;
use Causerie\Connector\REST\Settings_Input;
use WP_REST_Request;

/**
 * A plain form for the network's credentials, which every site uses unless it sets its own. It saves
 * through the network settings route, so the input rules and the verification against the API before
 * saving are the site screen's. Works without JavaScript.
 */
final class Network_Settings_Page {

	public const SLUG         = 'causerie-connector';
	public const ACTION       = 'causerie-connector-network';
	public const NONCE_ACTION = 'causerie-connector-network-settings';

	/**
	 * Site transient holding the outcome of the last save for one user, shown once after the redirect.
	 */
	public const NOTICE = 'causerie_connector_network_notice_';

	/**
	 * Constructor.
	 *
	 * @param Credential_Store $store The network's stored credentials.
	 */
	public function __construct( private readonly Credential_Store $store ) {}

	/**
	 * Hooks the screen and its form handler into the network admin.
	 */
	public function register(): void {
		add_action( 'network_admin_menu', array( $this, 'add_page' ) );
		add_action( 'network_admin_edit_' . self::ACTION, array( $this, 'save' ) );
	}

	/**
	 * Adds Network Admin → Settings → Causerie.
	 */
	public function add_page(): void {
		add_submenu_page(
			'settings.php',
			__( 'Causerie', 'causerie-connector' ),
			__( 'Causerie', 'causerie-connector' ),
			Plugin::NETWORK_CAPABILITY,
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * URL of the screen, on a profile.
	 *
	 * @param string $environment Profile shown.
	 */
	public function url( string $environment = '' ): string {
		$url = network_admin_url( 'settings.php?page=' . self::SLUG );
		return '' === $environment ? $url : add_query_arg( 'environment', $environment, $url );
	}

	/**
	 * Handles the form: checks the capability and the nonce, sends the fields to the network settings
	 * route, keeps its outcome for the next page, and goes back to the screen.
	 */
	public function save(): void {
		if ( ! current_user_can( Plugin::NETWORK_CAPABILITY ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage the network\'s Causerie connection.', 'causerie-connector' ), '', array( 'response' => 403 ) );
		}
		check_admin_referer( self::NONCE_ACTION );
		$environment = $this->posted_environment();

		$request = new WP_REST_Request( 'POST', '/' . Admin_Controller::NAMESPACE . '/' . Network_Settings_Controller::REST_BASE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'environment' => $environment ) + $this->posted_fields( $environment ) ) );
		$response = rest_do_request( $request );
		$error    = $response->as_error();

		$notice = array(
			'type'    => 'success',
			'message' => __( 'The network\'s credentials work and are saved.', 'causerie-connector' ),
		);
		if ( $error instanceof \WP_Error ) {
			$data   = $error->get_error_data();
			$found  = is_array( $data ) && is_array( $data['diagnosis'] ?? null ) ? $data['diagnosis'] : array();
			$why    = isset( $found['explanation'] ) && is_string( $found['explanation'] ) ? $found['explanation'] : '';
			$notice = array(
				'type'    => 'error',
				'message' => trim( $error->get_error_message() . ' ' . $why ) . ' ' . __( 'Nothing was saved.', 'causerie-connector' ),
			);
		}
		set_site_transient( self::NOTICE . get_current_user_id(), $notice, MINUTE_IN_SECONDS );
		wp_safe_redirect( $this->url( $environment ) );
		exit;
	}

	/**
	 * Prints the screen.
	 */
	public function render(): void {
		if ( ! current_user_can( Plugin::NETWORK_CAPABILITY ) ) {
			return;
		}
		$environment = $this->shown_environment();
		$view        = $this->store->public_view( $environment );
		$locked      = $this->store->credentials( $environment )->locked;
		echo '<div class="wrap"><h1>' . esc_html__( 'Causerie', 'causerie-connector' ) . '</h1>';
		echo '<p>' . esc_html__( 'Every site of the network uses these credentials unless its administrator saves other ones on the site\'s own Settings → Causerie screen. Each field a site leaves empty comes from here.', 'causerie-connector' ) . '</p>';
		$this->print_notice();
		$this->print_profile_switch( $environment );

		printf( '<form method="post" action="%s">', esc_url( network_admin_url( 'edit.php?action=' . self::ACTION ) ) );
		wp_nonce_field( self::NONCE_ACTION );
		printf( '<input type="hidden" name="environment" value="%s" />', esc_attr( $environment ) );
		echo '<table class="form-table" role="presentation"><tbody>';
		$this->print_text_row( 'clientId', __( 'Client ID', 'causerie-connector' ), 'text', is_string( $view['clientId'] ) ? $view['clientId'] : '', $locked );
		$this->print_secret_row( $view, $locked );
		$this->print_text_row( 'apiUrl', __( 'API address', 'causerie-connector' ), 'url', is_string( $view['apiUrl'] ) ? $view['apiUrl'] : '', $locked );
		$this->print_scopes_row( is_array( $view['scopes'] ) ? $view['scopes'] : array(), $locked );
		echo '</tbody></table>';
		printf( '<p class="submit"><button type="submit" class="button button-primary">%s</button></p></form></div>', esc_html__( 'Verify and save', 'causerie-connector' ) );
	}

	/**
	 * Prints and forgets the outcome of the last save.
	 */
	private function print_notice(): void {
		$key    = self::NOTICE . get_current_user_id();
		$notice = get_site_transient( $key );
		if ( ! is_array( $notice ) || ! isset( $notice['type'], $notice['message'] ) || ! is_string( $notice['message'] ) ) {
			return;
		}
		delete_site_transient( $key );
		printf(
			'<div class="notice %1$s" role="%2$s"><p>%3$s</p></div>',
			esc_attr( 'success' === $notice['type'] ? 'notice-success' : 'notice-error' ),
			esc_attr( 'success' === $notice['type'] ? 'status' : 'alert' ),
			esc_html( $notice['message'] )
		);
	}

	/**
	 * Prints the choice of profile, a form of its own so that it needs no script.
	 *
	 * @param string $environment Profile shown.
	 */
	private function print_profile_switch( string $environment ): void {
		printf( '<form method="get" action="%s"><input type="hidden" name="page" value="%s" />', esc_url( network_admin_url( 'settings.php' ) ), esc_attr( self::SLUG ) );
		printf( '<p><label for="causerie-network-environment">%s</label> <select id="causerie-network-environment" name="environment">', esc_html__( 'Environment profile', 'causerie-connector' ) );
		$labels = array(
			'local'       => __( 'Local', 'causerie-connector' ),
			'development' => __( 'Development', 'causerie-connector' ),
			'staging'     => __( 'Staging', 'causerie-connector' ),
			'production'  => __( 'Production', 'causerie-connector' ),
		);
		foreach ( Credential_Store::ENVIRONMENTS as $option ) {
			printf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( $option ), selected( $option, $environment, false ), esc_html( $labels[ $option ] ?? $option ) );
		}
		printf( '</select> <button type="submit" class="button">%s</button></p></form>', esc_html__( 'Show', 'causerie-connector' ) );
	}

	/**
	 * Prints a text field, read-only when wp-config.php or the environment sets it.
	 *
	 * @param string                $field  Field name, as the route knows it.
	 * @param string                $label  Label.
	 * @param string                $type   Input type.
	 * @param string                $value  Current value.
	 * @param array<string, string> $locked Field → where its overriding value comes from.
	 */
	private function print_text_row( string $field, string $label, string $type, string $value, array $locked ): void {
		printf(
			'<tr><th scope="row"><label for="causerie-network-%1$s">%2$s</label></th><td><input type="%3$s" id="causerie-network-%1$s" name="%1$s" value="%4$s" class="regular-text" autocomplete="off" spellcheck="false"%5$s />%6$s</td></tr>',
			esc_attr( $field ),
			esc_html( $label ),
			esc_attr( $type ),
			esc_attr( $value ),
			isset( $locked[ $field ] ) ? ' disabled' : '',
			$this->lock_note( $field, $locked ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where it is built.
		);
	}

	/**
	 * Prints the write-only secret field: it is never filled in, only described.
	 *
	 * @param array<string, mixed>  $view   What the browser may see of the profile.
	 * @param array<string, string> $locked Field → where its overriding value comes from.
	 */
	private function print_secret_row( array $view, array $locked ): void {
		$status      = is_string( $view['secretStatus'] ) ? $view['secretStatus'] : 'missing';
		$hint        = is_string( $view['secretHint'] ) ? $view['secretHint'] : '';
		$description = match ( $status ) {
			'ok'          => sprintf(
				/* translators: %s: a short fingerprint that tells two secrets apart without showing any of their characters, such as 3f9a1c */
				__( 'A secret is saved (fingerprint %s). Leave this empty to keep it, or paste a new one to replace it.', 'causerie-connector' ),
				$hint
			),
			'key_changed' => __( 'The saved secret can no longer be read, because the encryption key changed. Enter it again.', 'causerie-connector' ),
			'copied'      => __( 'The saved secret was copied from another site or setting and can\'t be read here. Enter it again.', 'causerie-connector' ),
			'corrupt'     => __( 'The saved secret is damaged and can no longer be read. Enter it again.', 'causerie-connector' ),
			default       => __( 'No secret is saved yet.', 'causerie-connector' ),
		};
		printf(
			'<tr><th scope="row"><label for="causerie-network-clientSecret">%1$s</label></th><td><input type="password" id="causerie-network-clientSecret" name="clientSecret" value="" class="regular-text" autocomplete="new-password" spellcheck="false" aria-describedby="causerie-network-clientSecret-description"%2$s /><p class="description" id="causerie-network-clientSecret-description">%3$s</p>%4$s</td></tr>',
			esc_html__( 'Client secret', 'causerie-connector' ),
			isset( $locked['clientSecret'] ) ? ' disabled' : '',
			esc_html( $description ),
			$this->lock_note( 'clientSecret', $locked ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where it is built.
		);
	}

	/**
	 * Prints the scopes as checkboxes.
	 *
	 * @param array<mixed>          $scopes Scopes requested now.
	 * @param array<string, string> $locked Field → where its overriding value comes from.
	 */
	private function print_scopes_row( array $scopes, array $locked ): void {
		printf( '<tr><th scope="row">%1$s</th><td><fieldset><legend class="screen-reader-text">%1$s</legend>', esc_html__( 'Permissions (scopes)', 'causerie-connector' ) );
		foreach ( Scopes::ALL as $scope ) {
			printf(
				'<label><input type="checkbox" name="scopes[]" value="%1$s"%2$s%3$s /> <code>%4$s</code></label><br />',
				esc_attr( $scope ),
				checked( in_array( $scope, $scopes, true ), true, false ),
				isset( $locked['scopes'] ) ? ' disabled' : '',
				esc_html( $scope )
			);
		}
		echo '</fieldset>' . $this->lock_note( 'scopes', $locked ) . '</td></tr>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where it is built.
	}

	/**
	 * Why a field can't be changed here, as escaped HTML, or nothing.
	 *
	 * @param string                $field  Field name.
	 * @param array<string, string> $locked Field → where its overriding value comes from.
	 */
	private function lock_note( string $field, array $locked ): string {
		if ( ! isset( $locked[ $field ] ) ) {
			return '';
		}
		$text = 'constant' === $locked[ $field ]
			? __( 'Set by a constant in wp-config.php, and can only be changed there.', 'causerie-connector' )
			: __( 'Set by an environment variable on the server, and can only be changed there.', 'causerie-connector' );
		return '<p class="description">' . esc_html( $text ) . '</p>';
	}

	/**
	 * The profile the screen shows: the one asked for in the address, else the network's own.
	 */
	private function shown_environment(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- choosing what to display changes nothing.
		$asked = isset( $_GET['environment'] ) && is_string( $_GET['environment'] ) ? sanitize_key( wp_unslash( $_GET['environment'] ) ) : '';
		return in_array( $asked, Credential_Store::ENVIRONMENTS, true ) ? $asked : $this->store->active_environment();
	}

	/**
	 * The profile the form was for. The nonce was checked by save().
	 */
	private function posted_environment(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- checked by save() before this runs.
		$posted = isset( $_POST['environment'] ) && is_string( $_POST['environment'] ) ? sanitize_key( wp_unslash( $_POST['environment'] ) ) : '';
		return in_array( $posted, Credential_Store::ENVIRONMENTS, true ) ? $posted : $this->store->active_environment();
	}

	/**
	 * The fields the form sent, for the route to validate. Empty fields are left out: an empty secret
	 * keeps the saved one, and disabled (locked) fields are not sent by browsers at all.
	 *
	 * @param string $environment Profile the form was for.
	 * @return array<string, string|list<string>>
	 */
	private function posted_fields( string $environment ): array {
		$fields = array();
		foreach ( array( 'clientId', 'clientSecret', 'apiUrl' ) as $field ) {
			// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- nonce checked by save(); the route validates each field by its schema, and sanitizing would alter a secret.
			$value = isset( $_POST[ $field ] ) && is_string( $_POST[ $field ] ) ? trim( wp_unslash( $_POST[ $field ] ) ) : '';
			if ( '' !== $value ) {
				$fields[ $field ] = $value;
			}
		}
		// No box ticked sends nothing at all; the route then says that at least one scope is needed.
		if ( ! isset( $this->store->credentials( $environment )->locked['scopes'] ) ) {
			// phpcs:ignore WordPress.Security.NonceVerification.Missing -- checked by save() before this runs.
			$scopes           = isset( $_POST['scopes'] ) && is_array( $_POST['scopes'] ) ? map_deep( wp_unslash( $_POST['scopes'] ), 'sanitize_text_field' ) : array();
			$fields['scopes'] = array_values( array_filter( is_array( $scopes ) ? $scopes : array(), static fn( $scope ): bool => is_string( $scope ) && '' !== $scope ) );
		}
		return $fields;
	}
}
