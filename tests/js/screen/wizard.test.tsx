import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../../src/App';
import { formatMoment } from '../../../src/shared/time';
import type {
	AuthorizationServer,
	CheckResult,
	ConnectionStatus,
	Diagnosis,
} from '../../../src/shared/types';
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

/**
 * Renders the screen broken by a diagnosis that the given check found, and opens the wizard.
 *
 * @param found  The diagnosis.
 * @param check  The failing check.
 * @param routes Answers for the requests the path makes.
 * @param server The authorization server the cached metadata describes.
 */
async function openWizard(
	found: Diagnosis,
	check: Partial< CheckResult > & { id: CheckResult[ 'id' ] },
	routes: Routes,
	server: AuthorizationServer | null = null
) {
	routeApiFetch( routes );
	render(
		<App
			initial={ {
				site: SITE,
				status: { ...status( found ), server },
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
	const dialog = screen.queryByRole( 'dialog' );
	if ( ! dialog ) {
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Fix it' } )
		);
	}
	return screen.getByRole( 'dialog', { name: 'Fix the connection' } );
}

const healthy = {
	'POST /causerie/v1/checks': run(),
	'GET /causerie/v1/status': HEALTHY,
};

describe( 'The fix wizard', () => {
	it( 'renews a revoked token in two clicks and says the old one was revoked', async () => {
		const dialog = await openWizard(
			diagnosis( 'token_revoked', 'The token was revoked.' ),
			{
				id: 'api',
				evidence: {
					status: 401,
					error: 'invalid_token',
					errorDescription: 'The access token was revoked',
				},
			},
			{
				'POST /causerie/v1/token/regenerate': {
					expiresAt: '2026-11-26T11:00:00Z',
					scopes: [],
					environment: 'production',
					previousRevoked: true,
				},
				...healthy,
			}
		);

		// Opened by itself: a 401 diagnosis.
		expect(
			within( dialog ).getByRole( 'heading', {
				name: 'Step 1 of 4: What happened',
			} )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByText( 'Answer code (HTTP status)' )
				.nextSibling
		).toHaveTextContent( '401' );
		expect(
			within( dialog ).getByText( 'In Causerie’s words' ).nextSibling
		).toHaveTextContent(
			'Causerie answered: “The access token was revoked'
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		expect(
			within( dialog ).getByRole( 'heading', {
				name: 'Step 2 of 4: Fix',
			} )
		).toHaveFocus();
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Get a new token' } )
		);

		expect(
			await within( dialog ).findByRole( 'heading', {
				name: 'Step 4 of 4: Done',
			} )
		).toHaveFocus();
		expect( dialog ).toHaveTextContent( 'All checks pass' );
		expect( dialog ).toHaveTextContent( 'The old token was revoked.' );
		const [ regenerate ] = (
			jest.requireMock( '@wordpress/api-fetch' ).default as jest.Mock
		 ).mock.calls
			.map( ( [ options ] ) => options )
			.filter(
				( options: { path: string } ) =>
					options.path === '/causerie/v1/token/regenerate'
			);
		expect( regenerate.data.requestId ).toMatch( /^[A-Za-z0-9-]{8,64}$/ );
		expect(
			screen.getByRole( 'heading', { name: 'Connected', hidden: true } )
		).toBeInTheDocument();
	} );

	it( 'changes nothing when left at the fix step', async () => {
		const dialog = await openWizard(
			diagnosis( 'token_expired', 'The token expired.' ),
			{ id: 'api' },
			{}
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);

		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( requestsBesideReads() ).toEqual( [] );
	} );

	it( 'takes a pasted client ID and secret in one go, and keeps everything when the API refuses them', async () => {
		let saved: unknown = null;
		const dialog = await openWizard(
			diagnosis(
				'environment_mismatch',
				'Credentials of another environment.'
			),
			{
				id: 'environment',
				evidence: {
					tokenEnvironment: 'development',
					siteEnvironment: 'production',
				},
			},
			{
				'POST /causerie/v1/settings': ( { data } ) => {
					saved = data;
					return Promise.reject( {
						code: 'causerie_verification_failed',
						message: 'The API refused the client ID or secret.',
						data: {
							status: 422,
							diagnosis: {
								...diagnosis(
									'invalid_client',
									'The API refused the client ID or secret.'
								),
								evidence: {},
							},
						},
					} );
				},
			}
		);

		expect(
			within( dialog ).getByText( 'This site runs as' ).nextSibling
		).toHaveTextContent( 'production' );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		await userEvent.click(
			within( dialog ).getByRole( 'textbox', { name: 'Client ID' } )
		);
		await userEvent.paste( 'wp-production:prod-secret-value' );
		expect(
			within( dialog ).getByRole( 'textbox', { name: 'Client ID' } )
		).toHaveValue( 'wp-production' );
		expect(
			within( dialog ).getByLabelText( 'New client secret' )
		).toHaveValue( 'prod-secret-value' );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Verify and save' } )
		);

		expect( saved ).toEqual( {
			environment: 'production',
			clientId: 'wp-production',
			clientSecret: 'prod-secret-value',
		} );
		expect(
			await within( dialog ).findByText(
				'The API refused the client ID or secret.'
			)
		).toBeInTheDocument();
		expect( dialog ).toHaveTextContent( 'Nothing was changed.' );
		expect(
			within( dialog ).getByRole( 'heading', {
				name: 'Step 2 of 4: Fix',
			} )
		).toBeInTheDocument();
	} );

	it( 'asks only for the new secret when the API refused it, then verifies', async () => {
		const dialog = await openWizard(
			diagnosis(
				'invalid_client',
				'The API refused the client ID or secret.'
			),
			{
				id: 'credentials',
				evidence: { status: 401, error: 'invalid_client' },
			},
			{
				'POST /causerie/v1/settings': SETTINGS,
				...healthy,
			}
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		expect(
			within( dialog ).queryByRole( 'textbox', { name: 'Client ID' } )
		).not.toBeInTheDocument();
		expect(
			within( dialog ).getByText( 'First step for invalid_client.' )
		).toBeInTheDocument();
		await userEvent.type(
			within( dialog ).getByLabelText( 'New client secret' ),
			'fresh-secret'
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Verify and save' } )
		);

		expect(
			await within( dialog ).findByRole( 'heading', {
				name: 'Step 4 of 4: Done',
			} )
		).toBeInTheDocument();
		expect( requestsBesideReads() ).toEqual( [
			'POST /causerie/v1/settings',
			'POST /causerie/v1/checks',
			'GET /causerie/v1/status',
		] );
	} );

	it( 'lists the scopes to grant, then gets a token that carries them', async () => {
		const dialog = await openWizard(
			diagnosis( 'insufficient_scope', 'A permission is missing.' ),
			{
				id: 'scopes',
				evidence: {
					missing: [ 'write:knowledge' ],
					granted: [ 'read:widget' ],
				},
			},
			{
				'POST /causerie/v1/token/regenerate': {
					expiresAt: '2026-11-26T11:00:00Z',
					scopes: [ 'read:widget', 'write:knowledge' ],
					environment: 'production',
					previousRevoked: true,
				},
				...healthy,
			}
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		expect(
			within( dialog )
				.getByText( 'write:knowledge', { selector: 'code' } )
				.closest( 'li' )
		).toHaveTextContent(
			'Update the chatbot’s knowledge (write:knowledge)'
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', {
				name: 'I granted them: get a new token',
			} )
		);

		expect(
			await within( dialog ).findByRole( 'heading', {
				name: 'Step 4 of 4: Done',
			} )
		).toBeInTheDocument();
	} );

	it( 'explains clock skew with both times, without saying which clock is wrong, and goes back to the fix while the checks still fail', async () => {
		const skewed: ConnectionStatus = status( {
			...diagnosis( 'clock_skew', 'The server clock is off.' ),
			severity: 'warning',
		} );
		const dialog = await openWizard(
			skewed.diagnosis as Diagnosis,
			{
				id: 'clock',
				status: 'warning',
				evidence: {
					skewSeconds: 600,
					siteTime: '2026-11-26T10:00:00Z',
					apiTime: '2026-11-26T10:10:00Z',
				},
			},
			{
				'POST /causerie/v1/checks': run( {
					clock: {
						status: 'warning',
						code: 'clock_skew',
						message: 'The clock is off.',
						evidence: { skewSeconds: 600 },
					},
				} ),
				'GET /causerie/v1/status': skewed,
			}
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		expect( dialog ).toHaveTextContent(
			'This server’s clock and Causerie’s differ by 10 min.'
		);
		expect(
			within( dialog ).getByText( 'This server’s time' ).nextSibling
		).toHaveTextContent( formatMoment( '2026-11-26T10:00:00Z' ) );
		expect(
			within( dialog ).getByText( 'Causerie’s time' ).nextSibling
		).toHaveTextContent( formatMoment( '2026-11-26T10:10:00Z' ) );
		expect( dialog ).not.toHaveTextContent( /behind|ahead/ );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Check again' } )
		);

		expect(
			await within( dialog ).findByText( 'Not fixed yet:' )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'heading', {
				name: 'Step 3 of 4: Verify',
			} )
		).toBeInTheDocument();
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Back to the fix' } )
		);
		expect(
			within( dialog ).getByRole( 'button', { name: 'Check again' } )
		).toBeInTheDocument();
	} );

	it( 'pauses a copied site without calling the API', async () => {
		const dialog = await openWizard(
			diagnosis( 'site_moved', 'The site address changed.' ),
			{
				id: 'site',
				evidence: { siteUrl: 'https://staging.example.test' },
			},
			{
				'POST /causerie/v1/binding': ( { data } ) => ( {
					siteUrl: 'https://staging.example.test',
					moved: true,
					paused: ( data as { action: string } ).action === 'pause',
				} ),
			}
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', {
				name: 'This is a copy: pause the connection',
			} )
		);

		expect(
			await within( dialog ).findByRole( 'heading', {
				name: 'Step 4 of 4: Done',
			} )
		).toBeInTheDocument();
		expect( dialog ).toHaveTextContent(
			'The connection is paused on this copy'
		);
		expect( requestsBesideReads() ).toEqual( [
			'POST /causerie/v1/binding',
		] );
	} );

	it( 'confirms a moved site, then verifies', async () => {
		const dialog = await openWizard(
			diagnosis( 'site_moved', 'The site address changed.' ),
			{ id: 'site' },
			{
				'POST /causerie/v1/binding': {
					siteUrl: 'https://new.example.test',
					moved: false,
					paused: false,
				},
				...healthy,
			}
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', {
				name: 'This is the new address',
			} )
		);

		expect(
			await within( dialog ).findByRole( 'heading', {
				name: 'Step 4 of 4: Done',
			} )
		).toBeInTheDocument();
		expect( requestsBesideReads() ).toEqual( [
			'POST /causerie/v1/binding',
			'POST /causerie/v1/checks',
			'GET /causerie/v1/status',
		] );
	} );

	it( 'shows why a renewal failed and stays on the fix step', async () => {
		const dialog = await openWizard(
			diagnosis( 'token_expired', 'The token expired.' ),
			{ id: 'api' },
			{
				'POST /causerie/v1/token/regenerate': () =>
					Promise.reject( {
						code: 'causerie_regeneration_failed',
						message: 'The API is down.',
						data: {
							status: 502,
							diagnosis: {
								...diagnosis(
									'server_error',
									'The API had a server error.'
								),
								evidence: {},
							},
						},
					} ),
			}
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Get a new token' } )
		);

		expect(
			await within( dialog ).findByText( 'The API had a server error.' )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByText( 'First step for server_error.' )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'heading', {
				name: 'Step 2 of 4: Fix',
			} )
		).toBeInTheDocument();
	} );

	describe( 'a step done in the Causerie dashboard', () => {
		const DOCS = 'https://auth.causerie.example/docs/credentials';
		const openFixStep = async ( documentation: string | null ) => {
			const dialog = await openWizard(
				{
					...diagnosis( 'invalid_client', 'The secret was refused.' ),
					dashboardSteps: [ 0 ],
				},
				{ id: 'credentials' },
				{},
				{
					issuer: 'https://auth.causerie.example',
					tokenEndpoint: 'https://auth.causerie.example/token',
					resource: null,
					source: 'metadata',
					revocation: true,
					introspection: true,
					documentation,
				}
			);
			await userEvent.click(
				within( dialog ).getByRole( 'button', { name: 'Next: fix it' } )
			);
			return dialog;
		};

		it( 'links the page the server publishes about its credentials, on that step only', async () => {
			const dialog = await openFixStep( DOCS );
			const step = ( text: string ) =>
				within( dialog )
					.getByText( text, { exact: false } )
					.closest( 'li' )!;

			expect(
				within( step( 'First step for invalid_client.' ) ).getByRole(
					'link',
					{ name: /Where to find it at Causerie/ }
				)
			).toHaveAttribute( 'href', DOCS );
			expect(
				within( step( 'Second step for invalid_client.' ) ).queryByRole(
					'link'
				)
			).toBeNull();
		} );

		it( 'links nothing when the server’s page is not a web address', async () => {
			const dialog = await openFixStep( 'javascript:alert(1)' );

			expect(
				within( dialog ).queryByRole( 'link', {
					name: /Where to find it at Causerie/,
				} )
			).toBeNull();
		} );
	} );
} );
