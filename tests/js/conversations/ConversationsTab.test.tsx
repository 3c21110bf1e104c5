import {
	render,
	screen,
	waitForElementToBeRemoved,
	within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import ConversationsTab from '../../../src/conversations/ConversationsTab';
import { requests, routeApiFetch } from '../screen/fixtures';
import { MISSING_SCOPE, SHIPPING, SHIPPING_DETAIL, summary } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const LIST = 'GET /causerie/v1/conversations';

async function table(): Promise< HTMLElement > {
	return screen.findByRole( 'table', {
		name: 'Recent conversations, newest first',
	} );
}

function cells( row: HTMLElement ): string[] {
	return within( row )
		.getAllByRole( 'cell' )
		.map( ( cell ) => cell.textContent ?? '' );
}

describe( 'Conversations tab', () => {
	it( 'lists conversations with their first question, messages, lead and the pages quoted as links', async () => {
		routeApiFetch( {
			[ LIST ]: {
				conversations: [
					SHIPPING,
					summary( 'conv_0', {
						messages: 2,
						sources: [ { title: 'Old FAQ', url: null } ],
					} ),
				],
				nextCursor: null,
			},
		} );
		render( <ConversationsTab onFix={ jest.fn() } /> );

		const rows = within( await table() ).getAllByRole( 'row' );
		expect(
			within( rows[ 0 ]! )
				.getAllByRole( 'columnheader' )
				.map( ( header ) => header.textContent )
		).toEqual( [
			'Date',
			'First question',
			'Messages',
			'Lead',
			'Pages quoted',
		] );
		expect( cells( rows[ 1 ]! ).slice( 1 ) ).toEqual( [
			'How long does shipping take?',
			'4',
			'Yes',
			'Shipping and returns',
		] );
		expect(
			within( rows[ 1 ]! ).getByRole( 'link', {
				name: 'Shipping and returns',
			} )
		).toHaveAttribute( 'href', 'https://shop.example.test/shipping/' );
		// A source without an address is named, not linked.
		expect( cells( rows[ 2 ]! ).slice( 2 ) ).toEqual( [
			'2',
			'No',
			'Old FAQ',
		] );
		expect( within( rows[ 2 ]! ).queryByRole( 'link' ) ).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Load more' } )
		).not.toBeInTheDocument();
		expect( requests() ).toEqual( [ LIST ] );
	} );

	it( 'never turns a source address that is not a web link into a link', async () => {
		routeApiFetch( {
			[ LIST ]: {
				conversations: [
					summary( 'conv_1', {
						sources: [
							{ title: 'Trap', url: 'javascript:alert(1)' },
						],
					} ),
				],
				nextCursor: null,
			},
		} );
		render( <ConversationsTab onFix={ jest.fn() } /> );

		expect(
			within( await table() ).getByText( 'Trap' )
		).not.toHaveAttribute( 'href' );
		expect( screen.queryByRole( 'link', { name: 'Trap' } ) ).toBeNull();
	} );

	it( 'loads the next page with the cursor given, after the rows already shown', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ LIST ]: { conversations: [ SHIPPING ], nextCursor: 'page2' },
			[ `${ LIST }?cursor=page2` ]: {
				conversations: [ summary( 'conv_0' ) ],
				nextCursor: null,
			},
		} );
		render( <ConversationsTab onFix={ jest.fn() } /> );
		await table();

		await user.click( screen.getByRole( 'button', { name: 'Load more' } ) );

		expect(
			await screen.findByRole( 'button', {
				name: 'Open the conversation “Question conv_0”',
			} )
		).toBeInTheDocument();
		const rows = within( await table() ).getAllByRole( 'row' );
		expect( rows ).toHaveLength( 3 );
		expect( rows[ 1 ] ).toHaveTextContent( 'How long does shipping take?' );
		expect(
			screen.queryByRole( 'button', { name: 'Load more' } )
		).not.toBeInTheDocument();
		expect( requests() ).toEqual( [ LIST, `${ LIST }?cursor=page2` ] );
	} );

	it( 'opens a conversation to its messages in order, with their sources and the contact left', async () => {
		const user = userEvent.setup();
		routeApiFetch( {
			[ LIST ]: { conversations: [ SHIPPING ], nextCursor: null },
			[ `${ LIST }/conv_1` ]: SHIPPING_DETAIL,
		} );
		render( <ConversationsTab onFix={ jest.fn() } /> );
		await table();

		await user.click(
			screen.getByRole( 'button', {
				name: 'Open the conversation “How long does shipping take?”',
			} )
		);

		const dialog = await screen.findByRole( 'dialog', {
			name: /^Conversation of /,
		} );
		const messages = within(
			within( dialog ).getAllByRole( 'list' )[ 0 ]!
		).getAllByRole( 'listitem' );
		const said = messages
			.filter( ( item ) => item.parentElement?.tagName === 'OL' )
			.map( ( item ) => item.querySelector( 'p' )?.textContent );
		expect( said ).toEqual( [
			'How long does shipping take?',
			'Orders ship within two days.',
			'Can you email me?',
			'Leave your address below.',
		] );
		expect(
			within( dialog ).getByRole( 'link', {
				name: 'Shipping and returns',
			} )
		).toHaveAttribute( 'href', 'https://shop.example.test/shipping/' );
		expect(
			within( dialog ).getByRole( 'heading', { name: 'Contact left' } )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'link', { name: 'jane@example.com' } )
		).toHaveAttribute( 'href', 'mailto:jane@example.com' );

		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Close' } )
		);
		await waitForElementToBeRemoved( dialog );
	} );

	it( 'says in plain words which permission is missing, and its link opens the fix', async () => {
		const user = userEvent.setup();
		const onFix = jest.fn();
		routeApiFetch( {
			[ LIST ]: () => Promise.reject( MISSING_SCOPE ),
		} );
		render( <ConversationsTab onFix={ onFix } /> );

		expect(
			await screen.findByText(
				"Causerie didn't give this site permission to read conversations."
			)
		).toBeInTheDocument();
		expect(
			screen.getByText(
				( _content, element ) =>
					element?.tagName === 'P' &&
					element.textContent ===
						'The missing permission: Read conversations (read:conversations)'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText( 'read:conversations', { selector: 'code' } )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();

		const fix = screen.getByRole( 'link', { name: 'Fix the permission' } );
		expect( fix ).toHaveAttribute( 'href', '#fix' );
		await user.click( fix );
		expect( onFix ).toHaveBeenCalledWith( 'insufficient_scope' );
	} );

	it( 'shows any other refusal as it is', async () => {
		routeApiFetch( {
			[ LIST ]: () =>
				Promise.reject( {
					code: 'causerie_api_unreachable',
					message: 'Causerie did not answer.',
				} ),
		} );
		render( <ConversationsTab onFix={ jest.fn() } /> );

		expect(
			await screen.findByText( 'Causerie did not answer.', {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
		expect(
			screen.queryByText( /permission to read conversations/ )
		).not.toBeInTheDocument();
	} );

	it( 'says there are no conversations yet and points to turning the chatbot on', async () => {
		routeApiFetch( {
			[ LIST ]: { conversations: [], nextCursor: null },
		} );
		render( <ConversationsTab onFix={ jest.fn() } /> );

		expect(
			await screen.findByText( 'No conversations yet' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'Turn the chatbot on' } )
		).toHaveAttribute( 'href', '#chatbot' );
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();
	} );
} );
