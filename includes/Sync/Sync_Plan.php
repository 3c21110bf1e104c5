<?php
/**
 * What one queued post should become in the knowledge base.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * A post that qualifies becomes its documents (and the removal of parts it no longer has); one that doesn't
 * becomes the removal of all it has there. Nothing to send when the documents are those last confirmed, unless
 * a full sync asks to resend them or a dead worker left the row in doubt.
 *
 * @phpstan-import-type Row from Queue
 * @phpstan-type Plan array{row: Row, items: list<array<string, mixed>>, parts: list<array{source_id: string, document: array<string, mixed>}>, removed: list<string>, hash: string, fit: string}
 */
final class Sync_Plan {

	/**
	 * Constructor.
	 *
	 * @param Document_Builder  $builder   Posts as documents.
	 * @param Content_Selection $selection Which posts go.
	 * @param Source_Ids        $ids       The posts' ids there.
	 */
	public function __construct(
		private readonly Document_Builder $builder,
		private readonly Content_Selection $selection,
		private readonly Source_Ids $ids
	) {}

	/**
	 * The plan of a row: what to send, true when nothing needs sending, or why the post can't be sent.
	 *
	 * @param array $row The row.
	 * @return Plan|true|string
	 *
	 * @phpstan-param Row $row
	 */
	public function of( array $row ) {
		$post   = get_post( $row['post_id'] );
		$post   = $post instanceof \WP_Post ? $post : null;
		$record = Post_Record::get( $row['post_id'] );
		$held   = max( count( $record['parts'] ?? array() ), $row['parts'] );
		$plan   = array(
			'row'     => $row,
			'items'   => array(),
			'parts'   => array(),
			'removed' => array(),
			'hash'    => '',
			'fit'     => '',
		);
		if ( null === $post || ! $this->selection->includes( $post ) ) {
			return 0 === $held ? true : $this->removing( $plan, 1, $held );
		}
		try {
			$documents = $this->builder->build( $post );
		} catch ( \Throwable $error ) {
			// A plugin's content filter that fails for one post must not hold up the others.
			return 'render_failed: ' . $error->getMessage();
		}
		if ( ! $row['resend'] && ! $row['doubt'] && Post_Record::SYNCED === ( $record['state'] ?? '' ) && ( $record['hash'] ?? '' ) === $documents['hash'] ) {
			return true;
		}
		$plan['parts'] = $documents['parts'];
		$plan['hash']  = $documents['hash'];
		$plan['fit']   = $documents['fit'];
		foreach ( $documents['parts'] as $part ) {
			$plan['items'][] = array( 'op' => 'upsert' ) + $part;
		}
		return $this->removing( $plan, count( $documents['parts'] ) + 1, $held );
	}

	/**
	 * Keeps what the API now holds of a post, once its plan is carried out.
	 *
	 * @param array                                   $plan     The plan carried out.
	 * @param list<array{version: int, hash: string}> $versions Its parts' versions.
	 *
	 * @phpstan-param Plan $plan
	 */
	public function carried_out( array $plan, array $versions ): void {
		if ( array() === $plan['parts'] ) {
			Post_Record::forget( $plan['row']['post_id'] );
			return;
		}
		Post_Record::synced( $plan['row']['post_id'], $plan['hash'], $versions, $plan['fit'] );
	}

	/**
	 * Adds the removal of parts $from to $to.
	 *
	 * @param array $plan The plan.
	 * @param int   $from The first part to remove.
	 * @param int   $to   The last.
	 * @return Plan
	 *
	 * @phpstan-param Plan $plan
	 */
	private function removing( array $plan, int $from, int $to ): array {
		for ( $part = $from; $part <= $to; $part++ ) {
			$source_id         = $this->ids->of( $plan['row']['post_id'], $part );
			$plan['removed'][] = $source_id;
			$plan['items'][]   = array(
				'op'        => 'delete',
				'source_id' => $source_id,
			);
		}
		return $plan;
	}
}
