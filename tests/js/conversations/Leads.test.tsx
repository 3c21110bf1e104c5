import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import ConversationsTab from '../../../src/conversations/ConversationsTab';
import type { Lead } from '../../../src/shared/types';
import { requests, routeApiFetch } from '../screen/fixtures';
import { MISSING_SCOPE, SHIPPING_DETAIL } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const CONVERSATIONS = {
	'GET /causerie/v1/conversations': { conversations: [], nextCursor: null },
};
const LEADS = 'GET /causerie/v1/leads';
const NOTIFICATIONS = 'GET /causerie/v1/leads/notifications';
const OFF = { mode: 'off', email: '' };

function lead( id: string, overrides: Partial< Lead > = {} ): Lead {
	return {
		id,
		conversationId: 'conv_1',
		email: `${ id }@example.com`,
		phone: null,
		capturedAt: '2026-12-07T09:13:10.000Z',
		origin: 'https://shop.example.test',
		...overrides,
	};
}

async function openLeads() {
	const user = userEvent.setup();
	render( <ConversationsTab onFix={ jest.fn() } /> );
	await screen.findByText( 'No conversations yet' );
	await user.click( screen.getByRole( 'button', { name: 'Leads' } ) );
	expect(
		screen.getByRole( 'button', { name: 'Leads', pressed: true } )
	).toBeInTheDocument();
	return user;
}

/** The file's bytes as text, byte order mark kept. */
function readBlob( blob: Blob ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const reader = new FileReader();
		reader.onload = () =>
			resolve(
				String.fromCharCode(
					...new Uint8Array( reader.result as ArrayBuffer )
				)
			);
		reader.onerror = () => reject( reader.error );
		reader.readAsArrayBuffer( blob );
	} );
}

/** Catches what the export hands to the browser as a file. */
function captureDownloads(): Array< { blob: Blob; name: string } > {
	const files: Array< { blob: Blob; name: string } > = [];
	let last: Blob | null = null;
	URL.createObjectURL = jest.fn( ( blob: Blob ) => {
		last = blob;
		return 'blob:leads';
	} );
	URL.revokeObjectURL = jest.fn();
	jest.spyOn( HTMLAnchorElement.prototype, 'click' ).mockImplementation(
		function ( this: HTMLAnchorElement ) {
			if ( last ) {
				files.push( { blob: last, name: this.download } );
			}
		}
	);
	return files;
}

describe( 'Leads', () => {
	afterEach( () => jest.restoreAllMocks() );

	it( 'lists the leads with their date, email, phone and a way to their conversation', async () => {
		routeApiFetch( {
			...CONVERSATIONS,
			[ LEADS ]: {
				leads: [
					lead( 'jane' ),
					lead( 'tom', { email: null, phone: '+1 555 0100' } ),
				],
				nextCursor: 'c1',
				hasMore: false,
			},
			[ NOTIFICATIONS ]: OFF,
			'GET /causerie/v1/conversations/conv_1': SHIPPING_DETAIL,
		} );
		const user = await openLeads();

		const table = await screen.findByRole( 'table', {
			name: 'Leads, oldest first',
		} );
		const rows = within( table ).getAllByRole( 'row' );
		expect( rows[ 1 ] ).toHaveTextContent( 'jane@example.com' );
		expect( rows[ 2 ] ).toHaveTextContent( '+1 555 0100' );
		// hasMore false: the never-null cursor does not offer another page.
		expect(
			screen.queryByRole( 'button', { name: 'Load more' } )
		).not.toBeInTheDocument();

		await user.click(
			screen.getByRole( 'button', {
				name: 'Open the conversation with +1 555 0100',
			} )
		);
		expect(
			await screen.findByText( 'Orders ship within two days.' )
		).toBeInTheDocument();
	} );

	it( 'exports every page of leads as one CSV file, with formulas neutralised', async () => {
		const files = captureDownloads();
		routeApiFetch( {
			...CONVERSATIONS,
			[ LEADS ]: {
				leads: [ lead( 'jane' ) ],
				nextCursor: 'c1',
				hasMore: true,
			},
			[ NOTIFICATIONS ]: OFF,
			[ `${ LEADS }?limit=100` ]: {
				leads: [ lead( 'jane' ) ],
				nextCursor: 'c1',
				hasMore: true,
			},
			[ `${ LEADS }?cursor=c1&limit=100` ]: {
				leads: [ lead( 'eve', { email: null, phone: '=1+2' } ) ],
				nextCursor: 'c2',
				hasMore: false,
			},
		} );
		const user = await openLeads();
		await screen.findByRole( 'table', { name: 'Leads, oldest first' } );

		await user.click(
			screen.getByRole( 'button', { name: 'Export CSV' } )
		);

		await waitFor( () => expect( files ).toHaveLength( 1 ) );
		expect( requests() ).toContain( `${ LEADS }?cursor=c1&limit=100` );
		expect( files ).toHaveLength( 1 );
		expect( files[ 0 ]!.name ).toMatch(
			/^causerie-leads-\d{4}-\d{2}-\d{2}\.csv$/
		);
		expect( files[ 0 ]!.blob.type ).toBe( 'text/csv;charset=utf-8' );
		// UTF-8 with a byte order mark, for Excel.
		expect( await readBlob( files[ 0 ]!.blob ) ).toBe(
			'\xEF\xBB\xBFid,conversationId,email,phone,capturedAt,origin\r\n' +
				'jane,conv_1,jane@example.com,,2026-12-07T09:13:10.000Z,https://shop.example.test\r\n' +
				"eve,conv_1,,'=1+2,2026-12-07T09:13:10.000Z,https://shop.example.test\r\n"
		);
	} );

	it( 'names the missing permission when leads may not be read', async () => {
		routeApiFetch( {
			...CONVERSATIONS,
			[ LEADS ]: () => Promise.reject( MISSING_SCOPE ),
			[ NOTIFICATIONS ]: OFF,
		} );
		await openLeads();

		expect(
			await screen.findByText(
				"Causerie didn't give this site permission to read conversations."
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: 'Fix the permission' } )
		).toBeInTheDocument();
	} );

	it( 'chooses a daily digest of lead emails to an address', async () => {
		const save = jest.fn( async () => ( {
			mode: 'daily',
			email: 'sales@example.com',
		} ) );
		routeApiFetch( {
			...CONVERSATIONS,
			[ LEADS ]: { leads: [], nextCursor: 'c0', hasMore: false },
			[ NOTIFICATIONS ]: OFF,
			'PUT /causerie/v1/leads/notifications': save,
		} );
		const user = await openLeads();
		expect(
			await screen.findByText( 'No leads yet.' )
		).toBeInTheDocument();
		const address = screen.getByRole( 'textbox', { name: 'Send them to' } );
		expect( address ).toBeDisabled();

		await user.click(
			screen.getByRole( 'radio', { name: 'A daily digest' } )
		);
		await user.type( address, ' sales@example.com ' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( await screen.findByRole( 'status' ) ).toHaveTextContent(
			'Saved.'
		);
		expect( save ).toHaveBeenCalledWith( {
			path: '/causerie/v1/leads/notifications',
			method: 'PUT',
			data: { mode: 'daily', email: 'sales@example.com' },
		} );
		expect(
			screen.getByRole( 'radio', { name: 'A daily digest' } )
		).toBeChecked();
	} );
} );
