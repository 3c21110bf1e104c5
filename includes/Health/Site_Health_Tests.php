<?php
/**
 * The plugin's tests on core's Site Health screen.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Health;

use Causerie\Connector\Credentials\Credential_Store;
use Causerie\Connector\Credentials\Decryption_Failure;
use Causerie\Connector\Credentials\Site_Binding;
use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\REST\Admin_Controller;
use Causerie\Connector\REST\Site_Health_Controller;

/**
 * Registers two direct tests, which read what is stored (encryption key, site address), and the live tests,
 * which call the API and so run asynchronously through the plugin's REST route (cron runs them directly).
 * The live tests of one page load share a burst id, so the API is called once for all of them. A cause a
 * direct test already names (a moved or paused copy, an unreadable secret) is not repeated by live tests.
 *
 * @phpstan-import-type Result from Site_Health_Result
 */
final class Site_Health_Tests {

	public const ENCRYPTION_KEY = 'causerie_encryption_key';
	public const SITE_ADDRESS   = 'causerie_site_address';

	/**
	 * The burst id of this PHP request, made when first needed.
	 *
	 * @var string
	 */
	private string $burst = '';

	/**
	 * Constructor.
	 *
	 * @param Site_Health_Live_Tests $live        The tests that read the live checks.
	 * @param Credential_Store       $credentials Stored credentials.
	 * @param Site_Binding           $binding     Site address binding.
	 */
	public function __construct(
		private readonly Site_Health_Live_Tests $live,
		private readonly Credential_Store $credentials,
		private readonly Site_Binding $binding
	) {}

	/**
	 * Hooks the tests into Site Health.
	 */
	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
	}

	/**
	 * Adds the plugin's tests to core's.
	 *
	 * @param mixed $tests Core's direct and async tests.
	 * @return array<mixed>
	 */
	public function add_tests( $tests ): array {
		$tests  = is_array( $tests ) ? $tests : array();
		$direct = isset( $tests['direct'] ) && is_array( $tests['direct'] ) ? $tests['direct'] : array();
		$async  = isset( $tests['async'] ) && is_array( $tests['async'] ) ? $tests['async'] : array();

		$direct[ self::ENCRYPTION_KEY ] = array(
			'label' => __( 'Causerie secret encryption', 'causerie-connector' ),
			'test'  => array( $this, 'encryption_key' ),
		);
		$direct[ self::SITE_ADDRESS ]   = array(
			'label' => __( 'Causerie site address', 'causerie-connector' ),
			'test'  => array( $this, 'site_address' ),
		);

		$burst = $this->burst();
		foreach ( $this->live_tests() as $test ) {
			$async[ Site_Health_Live_Tests::id( $test ) ] = array(
				'label'             => Site_Health_Live_Tests::label( $test ),
				'test'              => add_query_arg( 'burst', $burst, rest_url( Admin_Controller::NAMESPACE . '/' . Site_Health_Controller::REST_BASE . '/' . $test ) ),
				'has_rest'          => true,
				'async_direct_test' => fn(): array => $this->live->result( $test, $burst ),
			);
		}
		$tests['direct'] = $direct;
		$tests['async']  = $async;
		return $tests;
	}

	/**
	 * The burst id of this page load: one per PHP request.
	 */
	public function burst(): string {
		if ( '' === $this->burst ) {
			$this->burst = wp_generate_password( 16, false );
		}
		return $this->burst;
	}

	/**
	 * Whether the stored secret can be read with the site's encryption key.
	 *
	 * @phpstan-return Result
	 */
	public function encryption_key(): array {
		$credentials = $this->credentials->credentials();
		$unreadable  = Decryption_Failure::diagnosis( $credentials->secret_failure );
		if ( null !== $unreadable ) {
			return Site_Health_Result::problem( self::ENCRYPTION_KEY, $unreadable, Site_Health_Result::CRITICAL );
		}
		if ( Decryption_Failure::Corrupt === $credentials->secret_failure ) {
			return Site_Health_Result::make(
				self::ENCRYPTION_KEY,
				Site_Health_Result::CRITICAL,
				__( 'The stored Causerie secret is damaged', 'causerie-connector' ),
				array( __( 'The secret is stored encrypted, and what is stored can\'t be decrypted: it was altered in the database.', 'causerie-connector' ) ),
				Catalog::describe( 'encryption_key_changed' )['steps'],
				true
			);
		}
		if ( isset( $credentials->locked['clientSecret'] ) ) {
			return Site_Health_Result::good( self::ENCRYPTION_KEY, __( 'The Causerie secret is set outside the database', 'causerie-connector' ), __( 'It comes from wp-config.php or an environment variable, so no encryption key is involved.', 'causerie-connector' ) );
		}
		if ( null === $credentials->secret ) {
			return Site_Health_Result::good( self::ENCRYPTION_KEY, __( 'No Causerie secret is stored yet', 'causerie-connector' ), __( 'The secret is encrypted when it is saved.', 'causerie-connector' ) );
		}
		// The same test as Encryption's: a dedicated key survives changes to the salts.
		$dedicated = defined( 'CAUSERIE_ENCRYPTION_KEY' ) && is_string( constant( 'CAUSERIE_ENCRYPTION_KEY' ) ) && '' !== constant( 'CAUSERIE_ENCRYPTION_KEY' );
		return Site_Health_Result::good(
			self::ENCRYPTION_KEY,
			__( 'The stored Causerie secret can be read', 'causerie-connector' ),
			$dedicated
				? __( 'It is encrypted with the key set in CAUSERIE_ENCRYPTION_KEY.', 'causerie-connector' )
				: __( 'It is encrypted with a key derived from the salts in wp-config.php. If they change, for example when the site moves, the secret must be entered again; setting CAUSERIE_ENCRYPTION_KEY in wp-config.php avoids that.', 'causerie-connector' )
		);
	}

	/**
	 * Whether the credentials belong to the address the site answers at.
	 *
	 * @phpstan-return Result
	 */
	public function site_address(): array {
		if ( $this->binding->is_paused() ) {
			return Site_Health_Result::problem( self::SITE_ADDRESS, 'connection_paused', Site_Health_Result::RECOMMENDED );
		}
		if ( $this->binding->has_moved() ) {
			/* translators: %s: the site's address. */
			return Site_Health_Result::problem( self::SITE_ADDRESS, 'site_moved', Site_Health_Result::CRITICAL, sprintf( __( 'This site now answers at %s.', 'causerie-connector' ), home_url() ) );
		}
		if ( ! $this->credentials->credentials()->is_complete() ) {
			return Site_Health_Result::good( self::SITE_ADDRESS, __( 'No Causerie credentials are tied to an address yet', 'causerie-connector' ), __( 'The credentials are tied to the site\'s address when they are saved.', 'causerie-connector' ) );
		}
		return Site_Health_Result::good(
			self::SITE_ADDRESS,
			__( 'The Causerie credentials belong to this site\'s address', 'causerie-connector' ),
			/* translators: %s: the site's address. */
			sprintf( __( 'They were saved on %s, where this site answers.', 'causerie-connector' ), home_url() )
		);
	}

	/**
	 * The live tests worth running: none when a direct test already names why the API can't be reached,
	 * only the connection's when credentials are missing (it says so), else all of them.
	 *
	 * @return list<string>
	 */
	private function live_tests(): array {
		$credentials = $this->credentials->credentials();
		if ( null !== $credentials->secret_failure || $this->binding->is_paused() || $this->binding->has_moved() ) {
			return array();
		}
		return $credentials->is_complete() ? Site_Health_Live_Tests::TESTS : array( 'connection' );
	}
}
