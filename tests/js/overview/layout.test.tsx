import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { routeApiFetch } from '../screen/fixtures';
import { renderApp } from '../screen/renderApp';

jest.mock( '@wordpress/api-fetch' );

const TABS = [
	'Overview',
	'Credentials',
	'Chatbot',
	'Knowledge',
	'Conversations',
	'Alerts',
	'Troubleshooting',
];
const SECTIONS = [
	'Event log',
	'Support report',
	'Token inspector',
	'This site',
];

async function renderScreen() {
	routeApiFetch( {
		'GET /causerie/v1/conversations': {
			conversations: [],
			nextCursor: null,
		},
		'GET /causerie/v1/alerts': {
			alertEmail: '',
			recipient: 'owner@shop.example',
		},
		'GET /causerie/v1/diagnoses': {},
		'GET /causerie/v1/report': () => new Promise( () => undefined ),
	} );
	renderApp();
	await act( async () => undefined );
}

/** The tab strip of the screen, not Troubleshooting's own. */
const screenTabs = (): HTMLElement =>
	screen.getAllByRole( 'tablist' )[ 0 ] as HTMLElement;

/**
 * Opens a tab of the screen or a section of Troubleshooting; their names differ.
 *
 * @param name The tab's name.
 */
async function open( name: string ) {
	await userEvent.click( await screen.findByRole( 'tab', { name } ) );
	// A lazy tab's chunk, then its tabs, settle.
	await act( async () => undefined );
	await act( async () => undefined );
}

const checkButtons = () =>
	screen.queryAllByRole( 'button', {
		name: /^(Run checks|Check again|Checking…)$/,
	} );

describe( 'The screen’s layout', () => {
	// The lazy tabs' chunks, loaded once here, so the screen's own imports of them resolve at once.
	beforeAll( async () => {
		await import( '../../../src/troubleshooting/TroubleshootingTab' );
		await import( '../../../src/troubleshooting/TokenInspector' );
		await import( '../../../src/conversations/ConversationsTab' );
		await import( '../../../src/widget/ChatbotTab' );
	} );

	afterEach( () => {
		window.location.hash = '';
	} );

	it( 'puts the overview first, the settings second and Troubleshooting last', async () => {
		await renderScreen();

		expect(
			within( screenTabs() )
				.getAllByRole( 'tab' )
				.map( ( tab ) => tab.textContent )
		).toEqual( TABS );
	} );

	it( 'names each strip of tabs, the screen’s and Troubleshooting’s, for screen readers', async () => {
		await renderScreen();
		expect( screenTabs() ).toHaveAccessibleName( 'Causerie settings' );

		await open( 'Troubleshooting' );
		expect( screen.getAllByRole( 'tablist' )[ 1 ] ).toHaveAccessibleName(
			'Troubleshooting sections'
		);
	} );

	it( 'has one "Check again" on every tab and every section of Troubleshooting', async () => {
		await renderScreen();

		for ( const tab of TABS ) {
			await open( tab );
			expect( { tab, buttons: checkButtons().length } ).toEqual( {
				tab,
				buttons: 1,
			} );
		}
		// Troubleshooting, the last tab, is open: its sections have a tab strip of their own.
		for ( const section of SECTIONS ) {
			await open( section );
			expect( { section, buttons: checkButtons().length } ).toEqual( {
				section,
				buttons: 1,
			} );
		}
	} );

	it.each( [
		[ '#knowledge', 'Knowledge', null ],
		[ '#troubleshooting', 'Troubleshooting', 'Event log' ],
		[ '#token', 'Troubleshooting', 'Token inspector' ],
		[ '#events', 'Troubleshooting', 'Event log' ],
		[ '#support', 'Troubleshooting', 'Support report' ],
		[ '#site', 'Troubleshooting', 'This site' ],
		[ '#nothing-here', 'Overview', null ],
	] )(
		'opens the tab a link names: %s opens %s',
		async ( hash, tab, section ) => {
			window.location.hash = hash;
			await renderScreen();
			await act( async () => undefined );

			expect(
				within( screenTabs() ).getByRole( 'tab', {
					name: tab,
					selected: true,
				} )
			).toBeInTheDocument();
			if ( section ) {
				expect(
					within(
						screen.getAllByRole( 'tablist' )[ 1 ] as HTMLElement
					).getByRole( 'tab', { name: section, selected: true } )
				).toBeInTheDocument();
			}
		}
	);
} );
