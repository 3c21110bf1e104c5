import apiFetch from '@wordpress/api-fetch';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { SYNC_PATH } from '../../../src/shared/api/knowledge';
import { KnowledgePanel } from '../../../src/knowledge/KnowledgePanel';
import type { SyncStatus } from '../../../src/shared/types';

jest.mock( '@wordpress/api-fetch' );
const mockedApiFetch = apiFetch as jest.MockedFunction< typeof apiFetch >;

const EDIT_LINK = 'https://example.com/wp-admin/post.php?post=7&action=edit';

const IDLE: SyncStatus = {
	inKnowledge: 3,
	eligible: 5,
	sentAt: Math.floor( Date.now() / 1000 ) - 120,
	fullSync: null,
	lastFullSync: null,
	pause: null,
	backoff: null,
	failures: [
		{
			postId: 7,
			title: 'Delivery',
			editLink:
				'https://example.com/wp-admin/post.php?post=7&action=edit',
			error: 'document_too_large: over 1 MB',
			at: 0,
		},
	],
	queue: { pending: 1, done: 0, failed: 1 },
	postTypes: [
		{ name: 'post', label: 'Posts', count: 4, chosen: true },
		{ name: 'page', label: 'Pages', count: 1, chosen: true },
		{ name: 'product', label: 'Products', count: 9, chosen: false },
	],
	reconcile: null,
};

function running( done: number, total: number ): SyncStatus {
	return {
		...IDLE,
		fullSync: {
			id: 1,
			started: 0,
			total,
			done,
			failed: 0,
			pending: total - done,
			secondsLeft: done === total ? 0 : 60,
		},
	};
}

describe( 'KnowledgePanel', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'says in plain words how much the chatbot knows, and what failed', async () => {
		mockedApiFetch.mockResolvedValue( IDLE );
		render( <KnowledgePanel texts={ null } onFix={ jest.fn() } /> );

		expect(
			await screen.findByText(
				/3 of 5 pages are in the chatbot's knowledge\. Last sent 2 minutes ago\./
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'Delivery' } )
		).toHaveAttribute( 'href', EDIT_LINK );
		expect(
			screen.getByText( /document_too_large: over 1 MB/ )
		).toBeInTheDocument();
		expect( mockedApiFetch ).toHaveBeenCalledWith( { path: SYNC_PATH } );
	} );

	it( 'sends a full sync from the tab, one run at a time, until it is done', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValueOnce( IDLE );
		render( <KnowledgePanel texts={ null } onFix={ jest.fn() } /> );
		await screen.findByText( /3 of 5 pages/ );

		mockedApiFetch
			.mockResolvedValueOnce( running( 0, 5 ) )
			.mockResolvedValueOnce( running( 3, 5 ) )
			.mockResolvedValueOnce( { ...IDLE, inKnowledge: 5 } );
		await user.click(
			screen.getByRole( 'button', { name: 'Send all content now' } )
		);

		expect( await screen.findByText( /5 of 5 pages/ ) ).toBeInTheDocument();
		expect( screen.queryByRole( 'progressbar' ) ).not.toBeInTheDocument();
		const calls = mockedApiFetch.mock.calls.map(
			( [ options ] ) => `${ options.method ?? 'GET' } ${ options.path }`
		);
		expect( calls ).toEqual( [
			`GET ${ SYNC_PATH }`,
			`POST ${ SYNC_PATH }/full`,
			`POST ${ SYNC_PATH }/run`,
			`POST ${ SYNC_PATH }/run`,
		] );
	} );

	it( 'shows the bar with what is done and what is left', async () => {
		mockedApiFetch
			.mockResolvedValueOnce( running( 2, 5 ) )
			.mockReturnValue( new Promise( () => {} ) );
		render( <KnowledgePanel texts={ null } onFix={ jest.fn() } /> );

		const bar = await screen.findByRole( 'progressbar', {
			name: 'Full sync',
		} );
		expect( bar ).toHaveAttribute( 'value', '2' );
		expect( bar ).toHaveAttribute( 'max', '5' );
		expect(
			screen.getByText(
				( _, element ) =>
					element?.tagName === 'P' &&
					element.textContent ===
						'Sending all content: 2 of 5, 0 failed. About 1 min left.'
			)
		).toBeInTheDocument();
	} );

	it( 'saves the chosen post types', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValueOnce( IDLE );
		render( <KnowledgePanel texts={ null } onFix={ jest.fn() } /> );

		await user.click(
			await screen.findByRole( 'checkbox', { name: 'Products (9)' } )
		);
		await user.click(
			screen.getByRole( 'checkbox', { name: 'Pages (1)' } )
		);
		mockedApiFetch.mockResolvedValueOnce( IDLE );
		await user.click(
			screen.getByRole( 'button', { name: 'Save content types' } )
		);

		expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
			path: `${ SYNC_PATH }/types`,
			method: 'PUT',
			data: { postTypes: [ 'post', 'product' ] },
		} );
	} );

	it( 'names the missing permission by what it allows when a missing scope pauses the sync, and opens the wizard', async () => {
		const user = userEvent.setup();
		const onFix = jest.fn();
		mockedApiFetch.mockResolvedValue( {
			...IDLE,
			pause: {
				code: 'insufficient_scope',
				since: 0,
				retryAt: 0,
				evidence: {},
			},
		} );
		render( <KnowledgePanel texts={ null } onFix={ onFix } /> );

		const notice = await screen.findByText(
			/lack the permission it needs/,
			{
				selector: 'p',
			}
		);
		expect( notice ).toHaveTextContent(
			'the credentials lack the permission it needs: Update the chatbot’s knowledge (write:knowledge)'
		);
		await user.click( screen.getByRole( 'button', { name: 'Fix this' } ) );
		expect( onFix ).toHaveBeenCalledWith( 'insufficient_scope' );
	} );

	it( 'shows what a check for differences fixed', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValueOnce( IDLE );
		render( <KnowledgePanel texts={ null } onFix={ jest.fn() } /> );
		await screen.findByText( /3 of 5 pages/ );

		const report = { at: 0, checked: 5, missing: 2, stale: 1, orphaned: 0 };
		mockedApiFetch.mockResolvedValueOnce( {
			...IDLE,
			reconcile: report,
			reconciled: report,
		} );
		await user.click(
			screen.getByRole( 'button', { name: 'Check for differences' } )
		);

		expect(
			await screen.findByText(
				'Checked 5 pages: 2 missing, 1 out of date and 0 left over were queued to be fixed.'
			)
		).toBeInTheDocument();
	} );

	it( 'removes the content from Causerie only once the admin confirms', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValue( IDLE );
		render( <KnowledgePanel texts={ null } onFix={ jest.fn() } /> );

		await user.click(
			await screen.findByRole( 'button', {
				name: 'Remove my content from Causerie…',
			} )
		);
		await user.click( screen.getByRole( 'button', { name: 'Keep it' } ) );
		expect( mockedApiFetch ).toHaveBeenCalledTimes( 1 );

		await user.click(
			screen.getByRole( 'button', {
				name: 'Remove my content from Causerie…',
			} )
		);
		await user.click(
			screen.getByRole( 'button', { name: 'Yes, remove my content' } )
		);
		expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
			path: `${ SYNC_PATH }/remove`,
			method: 'POST',
			data: { confirm: true },
		} );
	} );
} );
