import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { FirstRun } from '../../../src/setup/FirstRun';
import { DISCOVERY_DELAY_MS } from '../../../src/setup/hooks/useDiscovery';
import { requests, routeApiFetch } from '../screen/fixtures';
import { FRESH } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const API = 'https://api.causerie.example';

async function findServer( user: ReturnType< typeof userEvent.setup > ) {
	await user.click( screen.getByRole( 'textbox', { name: 'API address' } ) );
	await user.paste( API );
	await act( async () => {
		jest.advanceTimersByTime( DISCOVERY_DELAY_MS );
	} );
}

/**
 * From a fresh first run to "Connect" pressed on the credentials step.
 *
 * @param onSaved Told of the saved profile.
 * @param secret  The secret typed.
 */
async function connect( onSaved: jest.Mock, secret: string ) {
	const user = userEvent.setup( {
		advanceTimers: jest.advanceTimersByTime,
	} );
	render(
		<FirstRun
			settings={ FRESH }
			onSettingsSaved={ onSaved }
			onLeave={ jest.fn() }
		/>
	);
	await findServer( user );
	await user.click(
		await screen.findByRole( 'button', { name: 'Continue' } )
	);
	await user.type(
		screen.getByRole( 'textbox', { name: 'Client ID' } ),
		'wp-production'
	);
	await user.type( screen.getByLabelText( 'Client secret' ), secret );
	await user.click( screen.getByRole( 'button', { name: 'Connect' } ) );
}

describe( 'The guided first run', () => {
	beforeEach( () => jest.useFakeTimers() );
	afterEach( () => jest.useRealTimers() );

	it( 'links to the page the server names, then takes the keyboard to the next step’s heading', async () => {
		routeApiFetch( {
			'POST /causerie/v1/setup/discovery': {
				apiUrl: API,
				documentation: `${ API }/docs/credentials`,
			},
		} );
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		render(
			<FirstRun
				settings={ FRESH }
				onSettingsSaved={ jest.fn() }
				onLeave={ jest.fn() }
			/>
		);
		expect(
			screen.getByText( 'Step 1 of 5: Where to find your credentials' )
		).toHaveAttribute( 'role', 'status' );

		await findServer( user );

		expect(
			await screen.findByRole( 'link', {
				name: /Get your Client ID and secret/,
			} )
		).toHaveAttribute( 'href', `${ API }/docs/credentials` );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect(
			screen.getByRole( 'heading', {
				name: 'Paste your Client ID and secret',
			} )
		).toHaveFocus();
		expect(
			screen.getByText( 'Step 2 of 5: Paste your Client ID and secret' )
		).toHaveAttribute( 'role', 'status' );
	} );

	it( 'says where the credentials usually are when the server names no page', async () => {
		routeApiFetch( {
			'POST /causerie/v1/setup/discovery': {
				apiUrl: API,
				documentation: null,
			},
		} );
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		render(
			<FirstRun
				settings={ FRESH }
				onSettingsSaved={ jest.fn() }
				onLeave={ jest.fn() }
			/>
		);

		await findServer( user );

		expect(
			await screen.findByText( /You find your Client ID and secret/ )
		).toBeVisible();
		expect( screen.queryByRole( 'link', { name: /Get your/ } ) ).toBeNull();
	} );

	it( 'stays on the credentials step with the diagnosis when Causerie refuses them, having saved nothing', async () => {
		routeApiFetch( {
			'POST /causerie/v1/setup/discovery': {
				apiUrl: API,
				documentation: null,
			},
			'POST /causerie/v1/settings': () =>
				Promise.reject( {
					code: 'causerie_verification_failed',
					message: 'Causerie refused the client ID and secret.',
					data: {
						status: 422,
						diagnosis: {
							code: 'invalid_client',
							severity: 'error',
							title: 'Causerie refused the client ID and secret.',
							explanation: 'They do not match an app.',
							steps: [ 'Copy them again from the dashboard.' ],
							evidence: {},
						},
					},
				} ),
		} );
		const onSaved = jest.fn();
		await connect( onSaved, 'not-the-secret-1' );

		expect(
			await screen.findByRole( 'heading', {
				name: 'Causerie refused the client ID and secret.',
			} )
		).toBeVisible();
		expect(
			screen.getByRole( 'heading', {
				name: 'Paste your Client ID and secret',
			} )
		).toBeVisible();
		expect( onSaved ).not.toHaveBeenCalled();
		expect( requests() ).toContain( 'POST /causerie/v1/settings' );
	} );

	it( 'asks for every feature’s permission, the conversations’ too, so every card works after the first run', async () => {
		const saved = jest.fn();
		routeApiFetch( {
			'POST /causerie/v1/setup/discovery': {
				apiUrl: API,
				documentation: null,
			},
			'POST /causerie/v1/settings': ( options: { data?: object } ) => {
				saved( options.data );
				return { ...FRESH, clientId: 'wp-production', hasSecret: true };
			},
		} );
		await connect( jest.fn(), 'the-right-secret-1' );

		await waitFor( () => expect( saved ).toHaveBeenCalled() );
		expect( saved.mock.calls[ 0 ][ 0 ].scopes ).toEqual(
			expect.arrayContaining( [
				'read:conversations',
				'write:knowledge',
				'read:widget',
			] )
		);
	} );

	it( 'can be left for the full settings from any step', async () => {
		routeApiFetch( {} );
		const onLeave = jest.fn();
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		render(
			<FirstRun
				settings={ FRESH }
				onSettingsSaved={ jest.fn() }
				onLeave={ onLeave }
			/>
		);

		await user.click(
			screen.getByRole( 'button', {
				name: 'Leave the guided setup and use the full settings',
			} )
		);

		expect( onLeave ).toHaveBeenCalled();
	} );
} );
