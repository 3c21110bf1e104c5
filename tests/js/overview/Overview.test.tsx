import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../../src/App';
import type { ConnectionStatus, WidgetStatus } from '../../../src/shared/types';
import {
	diagnosis,
	HEALTHY,
	routeApiFetch,
	run,
	SETTINGS,
	SITE,
	status,
} from '../screen/fixtures';
import { OFF, ON, withSettings } from '../widget/fixtures';
import { ACTIVITY, SYNC } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const NOT_FOUND = {
	code: 'rest_no_route',
	message: 'No route was found.',
	data: { status: 404 },
};

async function renderScreen(
	routes: Parameters< typeof routeApiFetch >[ 0 ] = {},
	current: ConnectionStatus = HEALTHY
) {
	routeApiFetch( routes );
	render(
		<App
			initial={ {
				site: SITE,
				status: current,
				checks: run(),
				settings: SETTINGS,
				texts: null,
			} }
			checkOnLoad={ false }
		/>
	);
	await act( async () => undefined );
}

const card = ( title: string ) =>
	screen
		.getByRole( 'heading', { name: title } )
		.closest( '.causerie-overview__card' ) as HTMLElement;

describe( 'The overview', () => {
	afterEach( () => {
		window.location.hash = '';
	} );

	it( 'opens first, and says in four cards whether the chatbot shows, what it knows, this week’s numbers and the connection', async () => {
		await renderScreen();

		expect(
			screen.getByRole( 'tab', { name: 'Overview', selected: true } )
		).toBeInTheDocument();
		const chatbot = card( 'Chatbot on your site' );
		expect( chatbot ).toHaveTextContent( 'On: visitors see the chatbot.' );
		expect( chatbot ).toHaveTextContent( 'It shows on every page.' );
		expect(
			within( chatbot ).getByRole( 'link', { name: /^Preview/ } )
		).toHaveAttribute( 'href', 'https://shop.example/' );

		const knowledge = card( 'Knowledge' );
		expect( knowledge ).toHaveTextContent(
			"3 of 5 pages are in the chatbot's knowledge."
		);
		expect( knowledge ).toHaveTextContent( 'Last sent 2 minutes ago.' );
		expect( knowledge ).toHaveTextContent( 'No problems.' );

		const week = card( 'Conversations this week' );
		expect(
			within( week ).getByText( 'Conversations' ).nextElementSibling
		).toHaveTextContent( '12' );
		expect(
			within( week ).getByText(
				'Visitors who left their contact details'
			).nextElementSibling
		).toHaveTextContent( '3' );

		expect(
			screen.getByRole( 'heading', { name: 'Connected' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'See each check' } )
		).toHaveAttribute( 'href', '#troubleshooting' );
	} );

	it( 'says what is wrong with the connection, and Fix it opens the wizard', async () => {
		await renderScreen(
			{},
			status(
				diagnosis( 'server_error', 'The API answered with an error.' )
			)
		);

		expect(
			screen.getByRole( 'heading', { name: 'Not working' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'The API answered with an error.' )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix it' } )
		);

		expect(
			screen.getByRole( 'dialog', { name: 'Fix the connection' } )
		).toBeInTheDocument();
	} );

	it.each( [
		[ 'Chatbot settings', 'Chatbot' ],
		[ 'Knowledge settings', 'Knowledge' ],
		[ 'All conversations', 'Conversations' ],
		[ 'See each check', 'Troubleshooting' ],
	] )( 'opens a card’s details: %s opens the %s tab', async ( link, tab ) => {
		await renderScreen( {
			'GET /causerie/v1/conversations': {
				conversations: [],
				nextCursor: null,
			},
		} );

		await userEvent.click( screen.getByRole( 'link', { name: link } ) );
		await act( async () => undefined );

		expect(
			screen.getByRole( 'tab', { name: tab, selected: true } )
		).toBeInTheDocument();
	} );

	it( 'says the numbers are not available when WordPress has no activity route yet (404)', async () => {
		await renderScreen( {
			'GET /causerie/v1/activity': () => Promise.reject( NOT_FOUND ),
		} );

		expect( card( 'Conversations this week' ) ).toHaveTextContent(
			'Not available yet: the numbers are gathered in the background. Look again later.'
		);
	} );

	it( 'says in plain words, without the permission’s identifier, that the credentials can’t read conversations', async () => {
		await renderScreen( {
			'GET /causerie/v1/activity': {
				...ACTIVITY,
				conversations: null,
				leads: null,
				reason: 'missing_scope',
			},
		} );

		const week = card( 'Conversations this week' );
		expect( week ).toHaveTextContent(
			'The credentials don’t allow reading conversations.'
		);
		expect( week ).not.toHaveTextContent( 'read:conversations' );
	} );

	it( 'lists what keeps pages from the chatbot', async () => {
		await renderScreen( {
			'GET /causerie/v1/sync': {
				...SYNC,
				sentAt: null,
				pause: {
					code: 'token_revoked',
					since: 0,
					retryAt: 0,
					evidence: {},
				},
				failures: [
					{
						postId: 7,
						title: 'Delivery',
						editLink: '',
						error: 'too large',
						at: 0,
					},
					{
						postId: 8,
						title: 'Returns',
						editLink: '',
						error: 'too large',
						at: 0,
					},
				],
			},
		} );

		const knowledge = card( 'Knowledge' );
		expect( knowledge ).toHaveTextContent( 'Nothing sent yet.' );
		expect(
			within( knowledge )
				.getAllByRole( 'listitem' )
				.map( ( item ) => item.textContent )
		).toEqual( [
			'Sending pages is paused until the connection is fixed.',
			'2 pages could not be sent.',
		] );
	} );

	it.each( [
		[ 'off', OFF, [ 'Off: visitors don’t see the chatbot.' ] ],
		[
			'hidden by a broken connection',
			{ ...ON, state: 'hidden' as const, problem: 'token_revoked' },
			[
				'Hidden: the chatbot is on, but visitors won’t see it until the connection is fixed.',
				'It shows on every page.',
			],
		],
		[
			'on chosen types',
			withSettings( ON, { placement: 'types', types: [ 'page' ] } ),
			[ 'It shows on: Pages.' ],
		],
		[
			'on every page but two',
			withSettings( ON, { placement: 'except', exclude: [ 4, 5 ] } ),
			[ 'It shows on every page but 2.' ],
		],
		[
			'only where the block is, on no published page yet',
			{
				...withSettings( ON, { placement: 'manual' } ),
				previewUrl: null,
			},
			[
				'It shows only where you add the Chatbot block or shortcode.',
				'No published page shows it yet.',
			],
		],
	] as Array< [ string, WidgetStatus, string[] ] > )(
		'tells the chatbot %s in words',
		async ( _case, widget, lines ) => {
			await renderScreen( { 'GET /causerie/v1/widget': widget } );

			const chatbot = card( 'Chatbot on your site' );
			for ( const line of lines ) {
				expect( chatbot ).toHaveTextContent( line );
			}
			if ( widget.state !== 'on' || widget.previewUrl === null ) {
				expect(
					within( chatbot ).queryByRole( 'link', {
						name: /^Preview/,
					} )
				).toBeNull();
			}
		}
	);

	it( 'reads the cards again after a run of the checks, which may show a hidden chatbot again', async () => {
		let widget: WidgetStatus = {
			...ON,
			state: 'hidden' as const,
			problem: 'token_revoked',
		};
		await renderScreen(
			{
				'GET /causerie/v1/widget': () => widget,
				'POST /causerie/v1/checks': () => {
					widget = ON;
					return { ...run(), checkedAt: '2026-11-26T10:05:00Z' };
				},
				'GET /causerie/v1/status': HEALTHY,
			},
			status(
				diagnosis( 'token_revoked', 'The access token was revoked.' )
			)
		);
		// The wizard opened by itself on the revoked token; close it.
		await userEvent.click(
			within( screen.getByRole( 'dialog' ) ).getByRole( 'button', {
				name: 'Cancel',
			} )
		);

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Check again' } )
		);

		expect(
			await within( card( 'Chatbot on your site' ) ).findByText(
				'On: visitors see the chatbot.'
			)
		).toBeInTheDocument();
	} );
} );
