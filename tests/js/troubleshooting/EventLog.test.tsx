import apiFetch from '@wordpress/api-fetch';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { EVENTS_PATH } from '../../../src/shared/api/troubleshooting';
import { EventLog } from '../../../src/troubleshooting/EventLog';
import type { DiagnosisTexts, LoggedEvent } from '../../../src/shared/types';

jest.mock( '@wordpress/api-fetch' );
const mockedApiFetch = apiFetch as jest.MockedFunction< typeof apiFetch >;

const ISSUED: LoggedEvent = {
	id: 3,
	createdAt: '2026-11-26T09:15:00+00:00',
	kind: 'token',
	code: 'issued',
	context: {
		grant: 'client_credentials',
		scopes: [ 'read:widget', 'write:knowledge' ],
	},
};
const REVOKED: LoggedEvent = {
	id: 2,
	createdAt: '2026-11-26T08:00:00+00:00',
	kind: 'api',
	code: 'token_revoked',
	context: { url: 'https://api.example.test/v1/me', status: 401 },
};
const SAVED: LoggedEvent = {
	id: 1,
	createdAt: '2026-11-25T17:30:00+00:00',
	kind: 'settings',
	code: 'saved',
	context: [],
};

const TEXTS: DiagnosisTexts = {
	token_revoked: {
		severity: 'error',
		title: 'The access token was revoked',
		explanation: '',
		steps: [],
	},
	signing_key_unknown: {
		severity: 'error',
		title: 'The token was signed with a key Causerie does not publish (any more).',
		explanation: '',
		steps: [],
	},
};

function tokenEvent(
	id: number,
	code: string,
	context: LoggedEvent[ 'context' ]
): LoggedEvent {
	return {
		id,
		createdAt: '2026-11-26T20:01:00+00:00',
		kind: 'token',
		code,
		context,
	};
}

function localTime( iso: string ): string {
	return new Date( iso ).toLocaleString( undefined, {
		dateStyle: 'medium',
		timeStyle: 'medium',
	} );
}

/** The cells of the table's body rows, as text. */
function rowTexts(): string[][] {
	const [ , ...rows ] = screen.getAllByRole( 'row' );
	return rows.map( ( row ) =>
		within( row )
			.getAllByRole( 'cell' )
			.map( ( cell ) => cell.textContent ?? '' )
	);
}

describe( 'EventLog', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'shows each event with its local time, kind, plain-language label and details, and a diagnosis’ code but never an action’s own', async () => {
		mockedApiFetch.mockResolvedValue( [ ISSUED, REVOKED, SAVED ] );

		render( <EventLog texts={ TEXTS } /> );

		expect(
			await screen.findByRole( 'table', {
				name: 'Recent events, newest first',
			} )
		).toBeInTheDocument();
		expect( mockedApiFetch ).toHaveBeenCalledWith( { path: EVENTS_PATH } );
		expect( rowTexts() ).toEqual( [
			[
				localTime( ISSUED.createdAt ),
				'Access token',
				'A new access token was issued',
				'Grant: client_credentials; Scopes: read:widget, write:knowledge',
			],
			[
				localTime( REVOKED.createdAt ),
				'API call',
				'The access token was revoked token_revoked',
				'Address: https://api.example.test/v1/me; HTTP status: 401',
			],
			[
				localTime( SAVED.createdAt ),
				'Settings',
				'Credentials were saved',
				'—',
			],
		] );
	} );

	it( 'names self-repairs, revocations and refused new tokens in words, without repeating their codes', async () => {
		mockedApiFetch.mockResolvedValue( [
			tokenEvent( 9, 'healed', {
				cause: 'token_revoked',
				status: 401,
			} ),
			tokenEvent( 8, 'revoked', { outcome: 'revoked' } ),
			tokenEvent( 7, 'revoked', { outcome: 'unsupported' } ),
			tokenEvent( 6, 'revoked', { outcome: 'failed' } ),
			tokenEvent( 5, 'regeneration_refused', {
				cause: 'signing_key_unknown',
			} ),
		] );

		render( <EventLog texts={ TEXTS } /> );
		await screen.findByRole( 'table' );

		expect( rowTexts().map( ( [ , , event ] ) => event ) ).toEqual( [
			'Repaired on its own: The access token was revoked',
			'An old access token was revoked',
			'An old access token could not be revoked: the sign-in service does not offer it, so the token lasts until it expires',
			'Revoking an old access token failed; it lasts until it expires',
			'A new access token was refused, so the old one was kept: The token was signed with a key Causerie does not publish (any more).',
		] );
		expect( rowTexts()[ 0 ]?.[ 3 ] ).toBe(
			'Cause: token_revoked; HTTP status: 401'
		);
		expect( rowTexts()[ 1 ]?.[ 3 ] ).toBe( 'Outcome: revoked' );
	} );

	it( 'still says what happened before the diagnoses’ texts arrive', async () => {
		mockedApiFetch.mockResolvedValue( [
			tokenEvent( 2, 'healed', { cause: 'token_revoked' } ),
			tokenEvent( 1, 'regeneration_refused', {
				cause: 'not_a_known_cause',
			} ),
		] );

		render( <EventLog texts={ null } /> );
		await screen.findByRole( 'table' );

		expect( rowTexts().map( ( [ , , event ] ) => event ) ).toEqual( [
			'The connection was repaired on its own',
			'A new access token was refused, so the old one was kept',
		] );
	} );

	it( 'asks the route for one kind when the admin filters by it', async () => {
		const user = userEvent.setup();
		mockedApiFetch
			.mockResolvedValueOnce( [ ISSUED, REVOKED, SAVED ] )
			.mockResolvedValueOnce( [ REVOKED ] );
		render( <EventLog texts={ TEXTS } /> );
		await screen.findByRole( 'table' );

		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Kind of event' } ),
			'API call'
		);

		expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
			path: `${ EVENTS_PATH }?kind=api`,
		} );
		expect(
			await screen.findByText( 'The access token was revoked' )
		).toBeInTheDocument();
		expect( rowTexts() ).toHaveLength( 1 );
		expect(
			screen.queryByText( 'A new access token was issued' )
		).not.toBeInTheDocument();
	} );

	it( 'says when there is nothing to show, for all events and for one kind', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValue( [] );
		render( <EventLog texts={ TEXTS } /> );

		expect(
			await screen.findByText( 'No events recorded in the last 30 days.' )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'table' ) ).not.toBeInTheDocument();

		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Kind of event' } ),
			'Site address'
		);

		expect(
			await screen.findByText(
				'No events of this kind in the last 30 days.'
			)
		).toBeInTheDocument();
	} );

	it( 'shows the error and loads again when the admin tries again', async () => {
		const user = userEvent.setup();
		mockedApiFetch
			.mockRejectedValueOnce( {
				code: 'rest_forbidden',
				message:
					'Sorry, you are not allowed to manage the Causerie connection.',
				data: { status: 403 },
			} )
			.mockResolvedValueOnce( [ SAVED ] );
		render( <EventLog texts={ TEXTS } /> );

		const retry = await screen.findByRole( 'button', {
			name: 'Try again',
		} );
		expect( retry.closest( '.components-notice' ) ).toHaveTextContent(
			'Sorry, you are not allowed to manage the Causerie connection.'
		);
		await user.click( retry );

		expect(
			await screen.findByText( 'Credentials were saved' )
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
	} );

	it( 'fetches the newest events when the admin refreshes', async () => {
		const user = userEvent.setup();
		mockedApiFetch
			.mockResolvedValueOnce( [ SAVED ] )
			.mockResolvedValueOnce( [ ISSUED, SAVED ] );
		render( <EventLog texts={ TEXTS } /> );
		await screen.findByText( 'Credentials were saved' );

		await user.click( screen.getByRole( 'button', { name: 'Refresh' } ) );

		expect(
			await screen.findByText( 'A new access token was issued' )
		).toBeInTheDocument();
		expect( mockedApiFetch ).toHaveBeenCalledTimes( 2 );
		expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
			path: EVENTS_PATH,
		} );
	} );
} );
