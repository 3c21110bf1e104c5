import {
	describe as sentence,
	type KnowledgeState,
} from '../../../src/editor/knowledgeState';

const synced: KnowledgeState = {
	state: 'synced',
	at: '2026-12-07T10:00:00+00:00',
	fit: '',
	parts: 1,
	error: '',
	waiting: false,
};

describe( 'the editor panel’s sentence', () => {
	it( 'says since when a published page is in the knowledge base', () => {
		expect( sentence( synced, false, true, '2 hours ago' ) ).toBe(
			'In the chatbot’s knowledge (last sent 2 hours ago).'
		);
	} );

	it( 'says a change waits to be sent, before the first confirmation too', () => {
		expect(
			sentence( { ...synced, waiting: true }, false, true, 'now' )
		).toBe( 'Waiting to be sent to the chatbot’s knowledge.' );
		expect( sentence( undefined, false, true, '' ) ).toBe(
			'Waiting to be sent to the chatbot’s knowledge.'
		);
	} );

	it( 'gives the API’s reason for a page it refused', () => {
		expect(
			sentence(
				{
					...synced,
					state: 'failed',
					error: 'invalid_document: title',
				},
				false,
				true,
				''
			)
		).toBe( 'Not sent: invalid_document: title' );
	} );

	it( 'says a page left out will be removed while the knowledge base still holds it', () => {
		expect( sentence( synced, true, true, '' ) ).toBe(
			'Left out: it will be removed from the chatbot’s knowledge.'
		);
		expect(
			sentence( { ...synced, state: 'absent' }, true, true, '' )
		).toBe( 'Left out of the chatbot’s knowledge.' );
	} );

	it( 'waits for publication before a draft is sent', () => {
		expect( sentence( undefined, false, false, '' ) ).toBe(
			'The chatbot learns this once it is published.'
		);
	} );

	it( 'says when a long page was split or trimmed', () => {
		expect(
			sentence(
				{ ...synced, fit: 'split', parts: 3 },
				false,
				true,
				'today'
			)
		).toBe( 'In the chatbot’s knowledge in 3 parts (last sent today).' );
		expect(
			sentence( { ...synced, fit: 'trimmed' }, false, true, 'today' )
		).toContain( 'trimmed' );
	} );
} );
