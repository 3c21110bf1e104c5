import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { SEARCH_PATH, WIDGET_PATH } from '../../../src/shared/api/widget';
import { ChatbotTab } from '../../../src/widget/ChatbotTab';
import { requests, routeApiFetch } from '../screen/fixtures';
import { OFF, ON, REFUSED, withSettings } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const GET = `GET ${ WIDGET_PATH }`;
const PUT = `PUT ${ WIDGET_PATH }`;

/** The bodies of the PUTs made so far. */
function puts(): unknown[] {
	return (
		jest.requireMock( '@wordpress/api-fetch' ).default as jest.Mock
	 ).mock.calls
		.filter( ( [ options ] ) => options.method === 'PUT' )
		.map( ( [ options ] ) => options.data );
}

/** The tab's own text: a Notice also speaks its text in core's live region, outside the tab. */
let tab: HTMLElement;

async function renderTab( onFix = jest.fn() ) {
	tab = render( <ChatbotTab texts={ null } onFix={ onFix } /> ).container;
	await screen.findByRole( 'checkbox', {
		name: 'Show the chatbot on the site',
	} );
	expect( requests() ).toEqual( [ GET ] );
	return onFix;
}

function preview(): HTMLElement {
	return screen.getByRole( 'figure', { name: 'Preview' } );
}

describe( 'The Chatbot tab', () => {
	it( 'turns the chatbot on at once, and then says visitors see it, with a link to the site', async () => {
		const user = userEvent.setup();
		routeApiFetch( { [ GET ]: OFF, [ PUT ]: ON } );
		await renderTab();
		expect(
			screen.getByText( 'Visitors do not see the chatbot.' )
		).toBeInTheDocument();

		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Show the chatbot on the site',
			} )
		);

		expect(
			await screen.findByText( 'Visitors see the chatbot.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'checkbox', {
				name: 'Show the chatbot on the site',
			} )
		).toBeChecked();
		expect(
			screen.getByRole( 'link', { name: /View the site/ } )
		).toHaveAttribute( 'href', 'https://shop.example/' );
		expect( puts() ).toEqual( [ { settings: { enabled: true } } ] );
	} );

	it( 'leaves the switch off when Causerie refuses, and shows why with the way to the fix', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ GET ]: OFF,
			[ PUT ]: () => Promise.reject( REFUSED ),
		} );
		const onFix = await renderTab();

		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Show the chatbot on the site',
			} )
		);

		expect(
			await screen.findByText(
				'Not saved: The access token was revoked.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'Causerie no longer accepts the token the plugin holds.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'checkbox', {
				name: 'Show the chatbot on the site',
			} )
		).not.toBeChecked();
		expect(
			screen.getByText( 'Visitors do not see the chatbot.' )
		).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'button', { name: 'Fix the connection' } )
		);
		expect( onFix ).toHaveBeenCalledWith( 'token_revoked' );
	} );

	it( 'says the chatbot is hidden while the connection is broken, and opens the fix on its cause', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ GET ]: { ...ON, state: 'hidden', problem: 'token_revoked' },
		} );
		const onFix = await renderTab();

		expect(
			screen.getByText(
				'Hidden from visitors while the connection is broken.'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText( 'Diagnosis code: token_revoked' )
		).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'button', { name: 'Fix the connection' } )
		);
		expect( onFix ).toHaveBeenCalledWith( 'token_revoked' );
	} );

	it( 'shows it only on the chosen content types once saved', async () => {
		const user = userEvent.setup();
		const saved = withSettings( ON, {
			placement: 'types',
			types: [ 'page' ],
		} );
		routeApiFetch( { [ GET ]: ON, [ PUT ]: saved } );
		await renderTab();
		expect(
			screen.queryByRole( 'checkbox', { name: 'Pages' } )
		).not.toBeInTheDocument();
		expect( screen.getByRole( 'button', { name: 'Save' } ) ).toBeDisabled();

		await user.click(
			screen.getByRole( 'radio', { name: 'On chosen content types' } )
		);
		await user.click( screen.getByRole( 'checkbox', { name: 'Pages' } ) );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( await screen.findByText( 'Saved.' ) ).toBeInTheDocument();
		// The switch is not part of the form: an older copy of it can't undo a change made meanwhile.
		expect( puts() ).toEqual( [
			{
				settings: {
					placement: 'types',
					types: [ 'page' ],
					exclude: [],
					appearance: OFF.settings.appearance,
					consent: 'none',
				},
			},
		] );
		expect(
			screen.getByRole( 'checkbox', { name: 'Pages' } )
		).toBeChecked();
		expect( screen.getByRole( 'button', { name: 'Save' } ) ).toBeDisabled();
	} );

	it( 'lists the pages without the chatbot, found by a search of the site', async () => {
		const user = userEvent.setup();
		const current = withSettings( ON, {
			placement: 'except',
			exclude: [ 5 ],
		} );
		routeApiFetch( {
			[ GET ]: { ...current, excluded: [ { id: 5, title: 'Checkout' } ] },
			[ `GET ${ SEARCH_PATH }?search=Ab&type=post&per_page=10&_fields=id%2Ctitle` ]:
				[ { id: 12, title: 'About &amp; team' } ],
			[ PUT ]: ( { data }: { data?: unknown } ) =>
				withSettings( current, {
					exclude: ( data as { settings: { exclude: number[] } } )
						.settings.exclude,
				} ),
		} );
		await renderTab();
		expect( screen.getByText( 'Checkout (#5)' ) ).toBeInTheDocument();

		await user.type(
			screen.getByRole( 'combobox', {
				name: 'Pages without the chatbot',
			} ),
			'Ab'
		);
		await user.click(
			await screen.findByRole( 'option', { name: 'About & team (#12)' } )
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( await screen.findByText( 'Saved.' ) ).toBeInTheDocument();
		expect( puts() ).toEqual( [
			expect.objectContaining( {
				settings: expect.objectContaining( {
					placement: 'except',
					exclude: [ 5, 12 ],
				} ),
			} ),
		] );
	} );

	it( 'offers the block and shortcode as the only places, when chosen', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ GET ]: ON,
			[ PUT ]: withSettings( ON, { placement: 'manual' } ),
		} );
		await renderTab();

		await user.click(
			screen.getByRole( 'radio', {
				name: 'Only where I add the Chatbot block or the [causerie_chat] shortcode',
			} )
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await screen.findByText( 'Saved.' );
		expect( puts() ).toEqual( [
			expect.objectContaining( {
				settings: expect.objectContaining( { placement: 'manual' } ),
			} ),
		] );
	} );

	it( "draws the preview with the bot's theme, then with each override as it is typed", async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ GET ]: withSettings( ON, {
				appearance: {
					color: '#aa0000',
					position: '',
					greeting: '',
					launcherText: '',
				},
			} ),
		} );
		await renderTab();
		const bubble = () =>
			within( preview() ).getByRole( 'img', { name: /./ } );
		expect(
			within( preview() ).getByText( 'Hello! Ask me about the shop.' )
		).toBeInTheDocument();
		expect( bubble() ).toHaveAccessibleName( 'Chatbot bubble' );
		expect( bubble() ).toHaveStyle( { backgroundColor: '#aa0000' } );
		expect(
			screen.getByRole( 'textbox', { name: 'Greeting' } )
		).toHaveAttribute( 'placeholder', 'Hello! Ask me about the shop.' );

		await user.type(
			screen.getByRole( 'textbox', { name: 'Greeting' } ),
			'Bonjour !'
		);
		await user.type(
			screen.getByRole( 'textbox', { name: 'Launcher text' } ),
			'Questions?'
		);
		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Position' } ),
			'bottom-left'
		);
		await user.click(
			screen.getByRole( 'button', { name: "Use the bot's colour" } )
		);

		expect(
			within( preview() ).getByText( 'Bonjour !' )
		).toBeInTheDocument();
		expect(
			within( preview() ).queryByText( 'Hello! Ask me about the shop.' )
		).not.toBeInTheDocument();
		expect( bubble() ).toHaveAccessibleName( 'Questions?' );
		expect( bubble() ).toHaveStyle( { backgroundColor: '#123456' } );
		expect( preview() ).toHaveClass( 'is-bottom-left' );
		// Nothing is saved until the button is pressed.
		expect( puts() ).toEqual( [] );
	} );

	it( 'keeps the edits and says nothing was saved when the save fails', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ GET ]: ON,
			[ PUT ]: () =>
				Promise.reject( {
					code: 'rest_invalid_param',
					message: 'Invalid parameter(s): settings',
					data: { status: 400 },
				} ),
		} );
		await renderTab();

		await user.type(
			screen.getByRole( 'textbox', { name: 'Greeting' } ),
			'Bonjour'
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect(
			await within( tab ).findByText(
				'Not saved: Invalid parameter(s): settings'
			)
		).toBeInTheDocument();
		expect( screen.queryByText( 'Saved.' ) ).not.toBeInTheDocument();
		expect(
			screen.getByRole( 'textbox', { name: 'Greeting' } )
		).toHaveValue( 'Bonjour' );
		expect( screen.getByRole( 'button', { name: 'Save' } ) ).toBeEnabled();
	} );

	it( 'waits for a consent signal when asked, and names the WP Consent API category when that decides', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ GET ]: ON,
			[ PUT ]: withSettings( ON, { consent: 'signal' } ),
		} );
		await renderTab();
		expect(
			screen.getByText( /fires the causerie-consent event/ )
		).toBeInTheDocument();

		await user.click(
			screen.getByRole( 'checkbox', {
				name: "Wait for the visitor's consent before loading the chatbot",
			} )
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );
		await screen.findByText( 'Saved.' );
		expect( puts() ).toEqual( [
			expect.objectContaining( {
				settings: expect.objectContaining( { consent: 'signal' } ),
			} ),
		] );
	} );

	it( 'says the WP Consent API decides when it is active, and offers no switch', async () => {
		routeApiFetch( { [ GET ]: { ...ON, consentApi: true } } );
		await renderTab();

		expect(
			screen.getByText( /accepts the "marketing" category/ )
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'checkbox', {
				name: "Wait for the visitor's consent before loading the chatbot",
			} )
		).not.toBeInTheDocument();
	} );

	it( 'takes no longer a launcher text than the server accepts, so a save is not refused for it', async () => {
		const user = userEvent.setup();
		routeApiFetch( { [ GET ]: ON } );
		await renderTab();

		await user.type(
			screen.getByRole( 'textbox', { name: 'Launcher text' } ),
			'x'.repeat( 45 )
		);

		expect(
			screen.getByRole( 'textbox', { name: 'Launcher text' } )
		).toHaveValue( 'x'.repeat( 40 ) );
	} );
} );
