<?php
/**
 * What the knowledge base holds of one post, as last confirmed.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * Kept in the post's meta, so the posts list, the editor and the counts read it with the post: the hash of the
 * documents last confirmed, the version and content hash of each part the API answered with, when, and whether
 * the post was split or trimmed to fit. A failure keeps the last confirmed parts: they are still held.
 *
 * @phpstan-type Part array{version: int, hash: string}
 * @phpstan-type Record array{state: string, hash: string, parts: list<Part>, at: int, fit: string, error: string}
 */
final class Post_Record {

	public const META = '_causerie_knowledge';

	public const SYNCED = 'synced';
	public const FAILED = 'failed';

	/**
	 * The record, or null when the knowledge base holds nothing of the post.
	 *
	 * @param int $post_id The post.
	 * @return Record|null
	 */
	public static function get( int $post_id ): ?array {
		$raw = get_post_meta( $post_id, self::META, true );
		if ( ! is_array( $raw ) || ! is_string( $raw['state'] ?? null ) ) {
			return null;
		}
		$parts = array();
		foreach ( is_array( $raw['parts'] ?? null ) ? $raw['parts'] : array() as $part ) {
			if ( is_array( $part ) && is_int( $part['version'] ?? null ) && is_string( $part['hash'] ?? null ) ) {
				$parts[] = array(
					'version' => $part['version'],
					'hash'    => $part['hash'],
				);
			}
		}
		return array(
			'state' => $raw['state'],
			'hash'  => is_string( $raw['hash'] ?? null ) ? $raw['hash'] : '',
			'parts' => $parts,
			'at'    => is_int( $raw['at'] ?? null ) ? $raw['at'] : 0,
			'fit'   => is_string( $raw['fit'] ?? null ) ? $raw['fit'] : '',
			'error' => is_string( $raw['error'] ?? null ) ? $raw['error'] : '',
		);
	}

	/**
	 * Records what the API confirmed holding.
	 *
	 * @param int    $post_id The post.
	 * @param string $hash    Hash of the documents sent.
	 * @param array  $parts   Each part's version and content hash.
	 * @param string $fit     '', 'split' or 'trimmed'.
	 *
	 * @phpstan-param list<Part> $parts
	 */
	public static function synced( int $post_id, string $hash, array $parts, string $fit ): void {
		update_post_meta(
			$post_id,
			self::META,
			array(
				'state' => self::SYNCED,
				'hash'  => $hash,
				'parts' => $parts,
				'at'    => time(),
				'fit'   => $fit,
				'error' => '',
			)
		);
	}

	/**
	 * Records why the post could not be sent, keeping what is still held.
	 *
	 * @param int    $post_id The post.
	 * @param string $error   Why.
	 */
	public static function failed( int $post_id, string $error ): void {
		$record = self::get( $post_id );
		update_post_meta(
			$post_id,
			self::META,
			array(
				'state' => self::FAILED,
				'error' => $error,
				'at'    => time(),
			) + ( $record ?? array(
				'hash'  => '',
				'parts' => array(),
				'fit'   => '',
			) )
		);
	}

	/**
	 * Forgets the record: the knowledge base holds nothing of the post any more.
	 *
	 * @param int $post_id The post.
	 */
	public static function forget( int $post_id ): void {
		delete_post_meta( $post_id, self::META );
	}
}
