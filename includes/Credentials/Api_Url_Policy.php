<?php
/**
 * Which API base URLs the plugin may talk to.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

use Causerie\Connector\Http\Address_Policy;
use Causerie\Connector\Http\Destination;
use WP_Error;

/**
 * The address policy (Address_Policy) applied when an address is saved, for the profile it is saved in, with
 * a message for the field; plus what a base URL must not have: a query string or fragment. A name that does
 * not resolve yet is accepted here: every request checks what it resolves to then.
 */
final class Api_Url_Policy {

	/**
	 * The rule itself.
	 *
	 * @var Address_Policy
	 */
	private Address_Policy $addresses;

	/**
	 * Constructor.
	 *
	 * @param \Closure|null $resolve Host name to IP addresses; DNS by default.
	 *
	 * @phpstan-param (\Closure(string): list<string>)|null $resolve
	 */
	public function __construct( ?\Closure $resolve = null ) {
		$this->addresses = new Address_Policy( $resolve );
	}

	/**
	 * Checks a URL for an environment profile.
	 *
	 * @param string $url         Candidate API base URL.
	 * @param string $environment The profile it is saved in: an environment type.
	 * @return string|WP_Error The normalised URL (no trailing slash), or why it is refused.
	 */
	public function check( string $url, string $environment ): string|WP_Error {
		$parts = wp_parse_url( trim( $url ) );
		if ( is_array( $parts ) && ( isset( $parts['query'] ) || isset( $parts['fragment'] ) ) ) {
			return $this->refuse( 'causerie_url_invalid', __( 'The API address must not contain a query string or fragment.', 'causerie-connector' ) );
		}
		$destination = $this->addresses->parse( $url, $environment );
		if ( $destination instanceof Destination ) {
			$resolved = $this->addresses->resolve( $destination, $environment );
			if ( ! $resolved instanceof Destination && Address_Policy::REASON_UNRESOLVED !== $resolved['reason'] ) {
				$destination = $resolved;
			}
		}
		if ( ! $destination instanceof Destination ) {
			return match ( $destination['reason'] ) {
				Address_Policy::REASON_CREDENTIALS => $this->refuse( 'causerie_url_credentials', __( 'The API address must not contain a user name or password. Enter the client id and secret in their own fields.', 'causerie-connector' ) ),
				Address_Policy::REASON_INSECURE => $this->refuse( 'causerie_url_insecure', __( 'The API address must start with https://. Plain http is allowed only for this computer (localhost) on a local or development site.', 'causerie-connector' ) ),
				Address_Policy::REASON_NUMERIC => $this->refuse( 'causerie_url_ambiguous_address', __( 'Write an IP address as four numbers from 0 to 255 separated by dots, such as 203.0.113.10, or use the server\'s name.', 'causerie-connector' ) ),
				Address_Policy::REASON_PRIVATE => $this->refuse( 'causerie_url_private', __( 'The API address must not point to a reserved network address (such as 169.254.169.254), nor, on a production site, to a private or internal one.', 'causerie-connector' ) ),
				default => $this->refuse( 'causerie_url_invalid', __( 'Enter a full address, such as https://api.causerie.example.', 'causerie-connector' ) ),
			};
		}
		return untrailingslashit( $destination->url() );
	}

	/**
	 * A 400 error for the apiUrl field.
	 *
	 * @param string $code    Stable error code.
	 * @param string $message Plain-language reason.
	 */
	private function refuse( string $code, string $message ): WP_Error {
		return new WP_Error(
			$code,
			$message,
			array(
				'status' => 400,
				'field'  => 'apiUrl',
			)
		);
	}
}
