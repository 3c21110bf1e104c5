import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../../src/App';
import { formatClockTime } from '../../../src/shared/time';
import type { ConnectionStatus } from '../../../src/shared/types';
import {
	diagnosis,
	HEALTHY,
	routeApiFetch,
	run,
	SETTINGS,
	SITE,
	status,
	troubleshootingPanel,
} from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const REPAIRED_AT = '2026-11-26T20:01:00Z';
const HEALED: ConnectionStatus = {
	...HEALTHY,
	healed: {
		code: 'token_revoked',
		at: REPAIRED_AT,
		title: 'The access token was revoked.',
	},
};
const NOTE = `Repaired on its own: The access token was revoked. A new token was obtained at ${ formatClockTime(
	REPAIRED_AT
) }.`;

/**
 * The screen on Troubleshooting, where the status heads the health panel.
 *
 * @param initial The preloaded status.
 */
async function renderApp( initial: ConnectionStatus ) {
	window.location.hash = '#troubleshooting';
	render(
		<App
			initial={ {
				site: SITE,
				status: initial,
				checks: initial.checkedAt ? run() : null,
				settings: SETTINGS,
				texts: null,
			} }
			checkOnLoad={ false }
		/>
	);
	window.location.hash = '';
	await troubleshootingPanel();
}

const header = () =>
	screen
		.getByRole( 'heading', { name: /Connected|Not working|Not checked/ } )
		.closest( 'section' ) as HTMLElement;
const panel = () =>
	screen
		.getByRole( 'heading', { name: 'Connection health' } )
		.closest( '.causerie-health' ) as HTMLElement;
const checkButtons = () =>
	screen.queryAllByRole( 'button', {
		name: /^(Run checks|Check again|Checking…)$/,
	} );

describe( 'Checking again', () => {
	it( 'offers "Run checks" before the first run and "Check again" after, and only once on the screen', async () => {
		routeApiFetch( {
			'POST /causerie/v1/checks': run(),
			'GET /causerie/v1/status': HEALTHY,
		} );
		await renderApp( { ...HEALTHY, checkedAt: null } );

		expect( checkButtons() ).toHaveLength( 1 );
		await userEvent.click(
			within( header() ).getByRole( 'button', { name: 'Run checks' } )
		);

		expect(
			await within( header() ).findByRole( 'button', {
				name: 'Check again',
			} )
		).toBeInTheDocument();
		expect( checkButtons() ).toHaveLength( 1 );
		// The panel keeps its progress, without a button of its own.
		expect( within( panel() ).queryByRole( 'button' ) ).toBeNull();
	} );

	it( 'turns green and says in plain words that the connection repaired itself', async () => {
		routeApiFetch( {
			'POST /causerie/v1/checks': run( {
				token: {
					evidence: {
						expiresAt: '2026-11-26T21:01:00Z',
						healed: 'token_revoked',
						obtainedAt: REPAIRED_AT,
					},
				},
			} ),
			'GET /causerie/v1/status': HEALED,
		} );
		await renderApp( HEALTHY );
		expect( screen.queryByText( /Repaired on its own/ ) ).toBeNull();

		await userEvent.click(
			within( header() ).getByRole( 'button', { name: 'Check again' } )
		);

		expect( await within( header() ).findByText( NOTE ) ).toBeVisible();
		expect(
			within( header() ).getByRole( 'heading', { name: 'Connected' } )
		).toBeInTheDocument();
		expect( within( panel() ).getByRole( 'status' ) ).toHaveTextContent(
			NOTE
		);
		const tokenRow = within( panel() )
			.getByText( 'Token valid', { selector: 'strong' } )
			.closest( 'li' ) as HTMLElement;
		expect( tokenRow ).toHaveTextContent(
			`The API accepts the new token, obtained at ${ formatClockTime(
				REPAIRED_AT
			) } after the old one was refused: The access token was revoked.`
		);
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
	} );

	it( 'leaves the header to a cause that needs fixing now, and keeps the repair in the panel', async () => {
		routeApiFetch( {} );
		await renderApp( {
			...status(
				diagnosis( 'server_error', 'The API answered with an error.' )
			),
			healed: HEALED.healed,
		} );

		expect( within( header() ).queryByText( NOTE ) ).toBeNull();
		expect( within( panel() ).getByRole( 'status' ) ).toHaveTextContent(
			NOTE
		);
	} );
} );
