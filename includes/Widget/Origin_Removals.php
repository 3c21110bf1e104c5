<?php
/**
 * Site origins still registered at Causerie that the widget no longer uses.
 *
 * @package Causerie\Connector
 */

declare(strict_types=1);

namespace Causerie\Connector\Widget;

/**
 * Turning the widget off, or the site moving, leaves an origin to remove at Causerie. Removing it is a best
 * effort that must never stop the switch, so what could not be removed is kept here and tried again by the
 * daily refresh. Not autoloaded: only the admin side and cron read it, never a page view.
 */
final class Origin_Removals {

	public const OPTION = 'causerie_connector_widget_removals';

	/**
	 * Origins kept at most: the API holds 20 a bot, and a list that grows past it is of no use.
	 */
	private const MAX = 20;

	/**
	 * The origins waiting to be removed, oldest first.
	 *
	 * @return list<string>
	 */
	public function pending(): array {
		$stored = get_option( self::OPTION, array() );
		return is_array( $stored ) ? array_values( array_filter( $stored, static fn( mixed $origin ): bool => is_string( $origin ) && '' !== $origin ) ) : array();
	}

	/**
	 * Adds an origin to remove.
	 *
	 * @param string $origin scheme://host[:port].
	 */
	public function add( string $origin ): void {
		if ( '' !== $origin && ! in_array( $origin, $this->pending(), true ) ) {
			$this->save( array_slice( array_merge( $this->pending(), array( $origin ) ), -self::MAX ) );
		}
	}

	/**
	 * Forgets an origin: removed at last, or in use again.
	 *
	 * @param string $origin scheme://host[:port].
	 */
	public function forget( string $origin ): void {
		if ( in_array( $origin, $this->pending(), true ) ) {
			$this->save( array_values( array_diff( $this->pending(), array( $origin ) ) ) );
		}
	}

	/**
	 * Stores the list, or removes the option when it is empty.
	 *
	 * @param string[] $origins Origins.
	 *
	 * @phpstan-param list<string> $origins
	 */
	private function save( array $origins ): void {
		if ( array() === $origins ) {
			delete_option( self::OPTION );
		} else {
			update_option( self::OPTION, $origins, false );
		}
	}
}
