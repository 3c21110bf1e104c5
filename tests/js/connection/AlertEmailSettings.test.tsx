import apiFetch from '@wordpress/api-fetch';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ALERTS_PATH } from '../../../src/shared/api/connection';
import { AlertEmailSettings } from '../../../src/connection/AlertEmailSettings';
import type { AlertSettings } from '../../../src/shared/types';

jest.mock( '@wordpress/api-fetch' );
const mockedApiFetch = apiFetch as jest.MockedFunction< typeof apiFetch >;

const ADMIN_ONLY: AlertSettings = {
	alertEmail: '',
	recipient: 'admin@example.com',
};

async function field(): Promise< HTMLElement > {
	const input = await screen.findByRole( 'textbox', {
		name: 'Send alerts to',
	} );
	await screen.findByText(
		"Leave empty for the site's admin email. Alerts now go to admin@example.com."
	);
	return input;
}

describe( 'AlertEmailSettings', () => {
	afterEach( () => mockedApiFetch.mockReset() );

	it( 'shows where alerts go now, the admin email when none is chosen', async () => {
		mockedApiFetch.mockResolvedValue( ADMIN_ONLY );
		render( <AlertEmailSettings /> );

		expect( await field() ).toHaveValue( '' );
		expect( mockedApiFetch ).toHaveBeenCalledWith( { path: ALERTS_PATH } );
	} );

	it( 'saves the address typed, and says so', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValueOnce( ADMIN_ONLY );
		render( <AlertEmailSettings /> );
		const input = await field();

		mockedApiFetch.mockResolvedValueOnce( {
			alertEmail: 'ops@example.com',
			recipient: 'ops@example.com',
		} );
		await user.type( input, '  ops@example.com ' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save the address' } )
		);

		expect( await screen.findByRole( 'status' ) ).toHaveTextContent(
			'Saved.'
		);
		expect( mockedApiFetch ).toHaveBeenLastCalledWith( {
			path: ALERTS_PATH,
			method: 'POST',
			data: { alertEmail: 'ops@example.com' },
		} );
		expect(
			screen.getByText(
				"Leave empty for the site's admin email. Alerts now go to ops@example.com."
			)
		).toBeInTheDocument();
	} );

	it( 'shows why the server refused an address, and keeps what was typed', async () => {
		const user = userEvent.setup();
		mockedApiFetch.mockResolvedValueOnce( ADMIN_ONLY );
		render( <AlertEmailSettings /> );
		const input = await field();

		mockedApiFetch.mockRejectedValueOnce( {
			code: 'causerie_invalid_email',
			message: 'This is not a valid email address.',
			data: { status: 400 },
		} );
		// The browser accepts it; WordPress wants a dot in the domain.
		await user.type( input, 'ops@example' );
		await user.keyboard( '{Enter}' );

		// Shown in the notice (screen readers also hear it from the notice's own announcement).
		expect(
			await screen.findByText( 'This is not a valid email address.', {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
		expect( input ).toHaveValue( 'ops@example' );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent( '' );
	} );
} );
