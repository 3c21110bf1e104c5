import { render, screen } from '@testing-library/react';

import { ActivityCard } from '../../../src/overview/ActivityCard';
import { KnowledgeCard } from '../../../src/overview/KnowledgeCard';
import type { Activity, SyncStatus } from '../../../src/shared/types';
import { routeApiFetch } from '../screen/fixtures';
import { ACTIVITY, SYNC } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

/** The week as the server tells it of credentials without read:conversations. */
const MISSING_SCOPE: Activity = {
	...ACTIVITY,
	conversations: null,
	leads: null,
	reason: 'missing_scope',
};

const NO_KNOWLEDGE =
	'The credentials don’t allow updating the chatbot’s knowledge. Ask Causerie for credentials that do, then save them in Credentials.';

/**
 * The Knowledge card over a sync status, for credentials saved with or without the permission.
 *
 * @param sync             GET /sync's answer.
 * @param knowledgeAllowed Whether the credentials were saved with write:knowledge.
 */
function renderKnowledge( sync: SyncStatus, knowledgeAllowed: boolean ) {
	routeApiFetch( { 'GET /causerie/v1/sync': sync } );
	render(
		<KnowledgeCard
			onOpen={ jest.fn() }
			checkedAt={ null }
			knowledgeAllowed={ knowledgeAllowed }
		/>
	);
}

describe( 'The overview of credentials Causerie allows only the widget', () => {
	it( 'says the credentials don’t allow updating the knowledge, not that the connection needs fixing', async () => {
		renderKnowledge(
			{
				...SYNC,
				pause: {
					code: 'insufficient_scope',
					since: 0,
					retryAt: 0,
					evidence: {},
				},
			},
			true
		);

		expect( await screen.findByText( NO_KNOWLEDGE ) ).toBeVisible();
		expect(
			screen.queryByText( /until the connection is fixed/ )
		).toBeNull();
		expect( screen.queryByText( /write:knowledge/ ) ).toBeNull();
	} );

	it( 'says so before any page was tried, when the credentials were saved without the permission', async () => {
		renderKnowledge( { ...SYNC, inKnowledge: 0, sentAt: null }, false );

		expect( await screen.findByText( NO_KNOWLEDGE ) ).toBeVisible();
		expect( screen.queryByText( 'No problems.' ) ).toBeNull();
	} );

	it( 'reads the week again after the checks that follow the guided setup, instead of keeping the read from before it', async () => {
		let week: Activity = {
			...MISSING_SCOPE,
			reason: 'not_connected',
		};
		routeApiFetch( { 'GET /causerie/v1/activity': () => week } );
		const { rerender } = render(
			<ActivityCard onOpen={ jest.fn() } checkedAt={ null } />
		);
		expect(
			await screen.findByText(
				'Shown once the chatbot is connected to Causerie.'
			)
		).toBeVisible();

		week = MISSING_SCOPE;
		rerender(
			<ActivityCard
				onOpen={ jest.fn() }
				checkedAt="2026-11-26T10:05:00Z"
			/>
		);

		expect(
			await screen.findByText(
				'The credentials don’t allow reading conversations. Ask Causerie for credentials that do, then save them in Credentials.'
			)
		).toBeVisible();
	} );
} );
