<?php
/**
 * A built script's asset file.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Admin;

/**
 * The dependencies and version wp-scripts writes beside each bundle (`build/<entry>.asset.php`).
 */
final class Asset_File {

	/**
	 * Reads an asset file; a missing or malformed one gives no dependencies and no version.
	 *
	 * @param string $path Absolute path of the asset file.
	 * @return array{dependencies: list<non-empty-string>, version: string}
	 */
	public static function read( string $path ): array {
		$asset = is_readable( $path ) ? require $path : null;
		return array(
			'dependencies' => is_array( $asset ) && isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] )
				? array_values( array_filter( $asset['dependencies'], static fn( $handle ): bool => is_string( $handle ) && '' !== $handle ) )
				: array(),
			'version'      => is_array( $asset ) && isset( $asset['version'] ) && is_string( $asset['version'] ) ? $asset['version'] : '',
		);
	}
}
