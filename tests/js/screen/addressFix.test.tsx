import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../../src/App';
import type { CheckResult, Diagnosis } from '../../../src/shared/types';
import {
	diagnosis,
	HEALTHY,
	requestsBesideReads,
	routeApiFetch,
	run,
	SETTINGS,
	SITE,
	status,
} from './fixtures';

jest.mock( '@wordpress/api-fetch' );

type Routes = Parameters< typeof routeApiFetch >[ 0 ];

const NOT_FOUND = diagnosis( 'not_found', 'Nothing answers at this address.' );
const TRIED = {
	url: 'https://api.causerie.example/v1/me',
	status: 404,
	unpublished: [
		'https://api.causerie.example/.well-known/oauth-protected-resource',
		'https://api.causerie.example/.well-known/oauth-authorization-server',
	],
};

/**
 * The screen broken by a diagnosis that a check found, with the wizard at its fix step.
 *
 * @param found  The diagnosis.
 * @param check  The failing check.
 * @param routes Answers for the requests the path makes.
 */
async function fixStep(
	found: Diagnosis,
	check: Partial< CheckResult > & { id: CheckResult[ 'id' ] },
	routes: Routes
) {
	routeApiFetch( routes );
	render(
		<App
			initial={ {
				site: SITE,
				status: status( found ),
				checks: run( {
					[ check.id ]: {
						status: 'error',
						code: found.code,
						message: found.title,
						...check,
					},
				} ),
				settings: SETTINGS,
				texts: null,
			} }
			checkOnLoad={ false }
		/>
	);
	await act( async () => undefined );
	// Only the causes marked so in codes.json open the wizard by themselves.
	expect( screen.queryByRole( 'dialog' ) !== null ).toBe(
		found.code === 'invalid_target'
	);
	if ( ! screen.queryByRole( 'dialog' ) ) {
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix it' } )
		);
	}
	const dialog = screen.getByRole( 'dialog', { name: 'Fix the connection' } );
	await userEvent.click(
		within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
	);
	return dialog;
}

const field = ( dialog: HTMLElement, name: string ) =>
	within( dialog ).getByRole( 'textbox', { name } );
const verifyAndSave = ( dialog: HTMLElement ) =>
	userEvent.click(
		within( dialog ).getByRole( 'button', { name: 'Verify and save' } )
	);
const SECRET_AGAIN = 'the-secret-typed-again';
// The saved secret goes only to the address it was saved with: a new address needs it again.
const typeSecret = async ( dialog: HTMLElement ) => {
	await userEvent.click( within( dialog ).getByLabelText( 'Client secret' ) );
	await userEvent.paste( SECRET_AGAIN );
};

describe( 'The address fix', () => {
	it( 'shows what was tried, and saves a corrected API address once the server verified it', async () => {
		let saved: unknown = null;
		const dialog = await fixStep(
			NOT_FOUND,
			{ id: 'reachable', evidence: TRIED },
			{
				'POST /causerie/v1/settings': ( { data } ) => {
					saved = data;
					return {
						...SETTINGS,
						apiUrl: 'https://chat.causerie.example',
					};
				},
				'POST /causerie/v1/checks': run(),
				'GET /causerie/v1/status': HEALTHY,
			}
		);

		const tried = within( dialog )
			.getAllByRole( 'listitem' )
			.map( ( item ) => item.textContent );
		expect( tried ).toEqual(
			expect.arrayContaining( [ TRIED.url, ...TRIED.unpublished ] )
		);
		expect( field( dialog, 'API address' ) ).toHaveValue(
			'https://api.causerie.example'
		);
		expect(
			within( dialog ).getByRole( 'button', { name: 'Advanced' } )
		).toHaveAttribute( 'aria-expanded', 'true' );
		expect( field( dialog, 'Authorization server (issuer)' ) ).toHaveValue(
			''
		);
		expect( field( dialog, 'Token endpoint' ) ).toHaveValue( '' );

		await userEvent.clear( field( dialog, 'API address' ) );
		await userEvent.type(
			field( dialog, 'API address' ),
			'https://chat.causerie.example'
		);
		await typeSecret( dialog );
		await verifyAndSave( dialog );

		expect(
			await within( dialog ).findByRole( 'heading', {
				name: 'Step 4 of 4: Done',
			} )
		).toBeInTheDocument();
		expect( saved ).toEqual( {
			environment: 'production',
			apiUrl: 'https://chat.causerie.example',
			clientSecret: SECRET_AGAIN,
		} );
		expect( requestsBesideReads() ).toEqual( [
			'POST /causerie/v1/settings',
			'POST /causerie/v1/checks',
			'GET /causerie/v1/status',
		] );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Finish' } )
		);
		// The credentials tab shows what the server kept.
		await userEvent.click(
			screen.getByRole( 'tab', { name: 'Credentials' } )
		);
		expect(
			screen.getByRole( 'textbox', { name: 'API address' } )
		).toHaveValue( 'https://chat.causerie.example' );
	} );

	it( 'opens by itself when the sign-in service refuses the API address, and shows its refusal of a new issuer', async () => {
		const dialog = await fixStep(
			diagnosis(
				'invalid_target',
				'The sign-in service does not issue tokens for this API address.'
			),
			{ id: 'credentials', evidence: { status: 400 } },
			{
				'POST /causerie/v1/settings': () =>
					Promise.reject( {
						code: 'causerie_verification_failed',
						message: 'Nothing answers at this address.',
						data: {
							status: 422,
							diagnosis: { ...NOT_FOUND, evidence: TRIED },
						},
					} ),
			}
		);

		await userEvent.type(
			field( dialog, 'Authorization server (issuer)' ),
			'https://auth.causerie.example'
		);
		await typeSecret( dialog );
		await verifyAndSave( dialog );

		const refusal = await within( dialog ).findByText(
			'Nothing answers at this address.'
		);
		expect( refusal.closest( '.components-notice' ) ).toHaveTextContent(
			'Nothing was changed.'
		);
		expect(
			within( dialog ).getByText( 'First step for not_found.' )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'heading', {
				name: 'Step 2 of 4: Fix',
			} )
		).toBeInTheDocument();
		expect( field( dialog, 'Authorization server (issuer)' ) ).toHaveValue(
			'https://auth.causerie.example'
		);
	} );

	it( 'puts the server’s error about a field on that field', async () => {
		const dialog = await fixStep(
			NOT_FOUND,
			{ id: 'reachable', evidence: TRIED },
			{
				'POST /causerie/v1/settings': () =>
					Promise.reject( {
						code: 'causerie_url_private',
						message:
							'On a production site the API address must not point to a private or internal network address.',
						data: { status: 400, field: 'tokenEndpoint' },
					} ),
			}
		);

		await userEvent.type(
			field( dialog, 'Token endpoint' ),
			'https://10.0.0.8/token'
		);
		await typeSecret( dialog );
		await verifyAndSave( dialog );

		expect(
			await within( dialog ).findByText( /must not point to a private/ )
		).toBeInTheDocument();
		expect( field( dialog, 'Token endpoint' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( field( dialog, 'Token endpoint' ) ).toHaveAccessibleDescription(
			/must not point to a private or internal network address/
		);
	} );

	it( 'starts from what the credentials form last saved', async () => {
		const brokenRun = run( {
			reachable: {
				status: 'error',
				code: 'not_found',
				message: NOT_FOUND.title,
				evidence: TRIED,
			},
		} );
		routeApiFetch( {
			'POST /causerie/v1/settings': {
				...SETTINGS,
				apiUrl: 'https://typo.causerie.example',
			},
			'POST /causerie/v1/checks': brokenRun,
			'GET /causerie/v1/status': status( NOT_FOUND ),
		} );
		window.location.hash = '#credentials';
		render(
			<App
				initial={ {
					site: SITE,
					status: status( NOT_FOUND ),
					checks: brokenRun,
					settings: SETTINGS,
					texts: null,
				} }
				checkOnLoad={ false }
			/>
		);
		window.location.hash = '';
		const apiUrl = await screen.findByRole( 'textbox', {
			name: 'API address',
		} );
		await userEvent.clear( apiUrl );
		await userEvent.type( apiUrl, 'https://typo.causerie.example' );
		await userEvent.click( screen.getByRole( 'button', { name: 'Save' } ) );
		expect(
			await screen.findByRole( 'button', { name: 'Check again' } )
		).not.toHaveAttribute( 'aria-disabled', 'true' );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix it' } )
		);
		const dialog = screen.getByRole( 'dialog' );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);

		expect( field( dialog, 'API address' ) ).toHaveValue(
			'https://typo.causerie.example'
		);
	} );

	it( 'sends nothing when no address changed or one is not valid', async () => {
		const dialog = await fixStep(
			NOT_FOUND,
			{ id: 'reachable', evidence: TRIED },
			{}
		);

		await verifyAndSave( dialog );
		expect( dialog ).toHaveTextContent(
			'Nothing to save: no address was changed.'
		);

		await userEvent.type(
			field( dialog, 'Authorization server (issuer)' ),
			'auth.causerie.example'
		);
		await verifyAndSave( dialog );
		expect(
			field( dialog, 'Authorization server (issuer)' )
		).toHaveAccessibleDescription( /Enter a full address/ );
		expect( requestsBesideReads() ).toEqual( [] );
	} );

	it( 'asks for the secret again before it sends a new address', async () => {
		const dialog = await fixStep(
			NOT_FOUND,
			{ id: 'reachable', evidence: TRIED },
			{}
		);

		await userEvent.clear( field( dialog, 'API address' ) );
		await userEvent.type(
			field( dialog, 'API address' ),
			'https://chat.causerie.example'
		);
		await verifyAndSave( dialog );

		const secret = within( dialog ).getByLabelText( 'Client secret' );
		expect( secret ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( secret ).toHaveAccessibleDescription(
			/Enter the client secret again to use it with the new address\./
		);
		expect( requestsBesideReads() ).toEqual( [] );
	} );
} );
