import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { answer, keywords } from '../../sandbox/src/bot-answers';
import type { StoredDocument } from '../../sandbox/src/knowledge';

function stored(
	sourceId: string,
	title: string,
	content: string
): StoredDocument {
	return {
		source_id: sourceId,
		title,
		url: `https://example.test/${ sourceId }`,
		content,
		terms: [],
		content_hash: '',
		created_at: '',
		updated_at: '',
		version: 1,
	};
}

describe( 'the sandbox bot', () => {
	it( 'keeps lowercase keywords without stop words, in English and French', () => {
		assert.deepEqual(
			[
				...keywords(
					'What are the Opening hours? Quels sont les horaires ?'
				),
			],
			[ 'opening', 'hours', 'quels', 'sont', 'horaires' ]
		);
	} );

	it( 'breaks a tie between documents by source id, whatever their order', () => {
		const documents = [
			stored( 'b', 'Delivery', 'Delivery takes two days.' ),
			stored( 'a', 'Delivery', 'Delivery is free over 50 euros.' ),
		];
		assert.equal(
			answer( 'delivery', documents ).sources[ 0 ]?.source_id,
			'a'
		);
		assert.equal(
			answer( 'delivery', [ ...documents ].reverse() ).sources[ 0 ]
				?.source_id,
			'a'
		);
	} );

	it( 'quotes a page matched only by its title with its first sentence, and shortens a long one', () => {
		const long = 'Word '.repeat( 200 ).trim() + '.';
		const reply = answer( 'gift cards', [
			stored( 'x', 'Gift cards', long ),
		] );
		assert.equal( reply.text.length, 320 );
		assert.ok( reply.text.endsWith( '…' ) );
	} );

	it( 'answers with no source when nothing but stop words is asked', () => {
		assert.deepEqual(
			answer( 'what is the', [
				stored( 'a', 'The page', 'What is it.' ),
			] ).sources,
			[]
		);
	} );
} );
