import { render, screen, within } from '@testing-library/react';

import { HealthPanel } from '../../../src/troubleshooting/HealthPanel';
import type { ConnectionStatus, Diagnosis } from '../../../src/shared/types';
import { diagnosis, run, status } from './fixtures';

const NOW = Date.parse( '2026-11-26T10:01:00Z' );
// Fifty-nine minutes left, as the store says while the API already refuses the token.
const IN_59_MINUTES = new Date( NOW + 59 * 60 * 1000 ).toISOString();

function withToken( found: Diagnosis | null ): ConnectionStatus {
	return {
		...status( found ),
		tokenExpiresAt: IN_59_MINUTES,
		nextRefreshAt: new Date( NOW + 47 * 60 * 1000 ).toISOString(),
	};
}

function scheduleOf( term: string ): HTMLElement {
	const dt = screen.getByText( term, { selector: 'dt' } );
	const dd = dt.nextElementSibling;
	if ( ! ( dd instanceof HTMLElement ) ) {
		throw new Error( `No value for ${ term }` );
	}
	return dd;
}

function renderPanel( current: ConnectionStatus ) {
	render(
		<HealthPanel
			checks={ run() }
			status={ current }
			isChecking={ false }
			checkError={ null }
			onFix={ () => undefined }
		/>
	);
}

describe( 'The token card', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		jest.setSystemTime( NOW );
	} );
	afterEach( () => jest.useRealTimers() );

	it( 'says when a healthy token expires and renews', () => {
		renderPanel( withToken( null ) );

		expect( scheduleOf( 'Token expires' ) ).toHaveTextContent(
			'in 59 minutes'
		);
		expect( scheduleOf( 'Next refresh' ) ).toHaveTextContent(
			'in 47 minutes'
		);
	} );

	it.each( [
		[ 'token_expired', 'The access token has expired.' ],
		[ 'token_revoked', 'The access token was revoked.' ],
		[
			'signing_key_unknown',
			'The token names a key the API does not use.',
		],
		[ 'no_token', 'There is no access token yet.' ],
	] as const )(
		'never says "in 59 minutes" beside the diagnosis %s, and says what the diagnosis says',
		( code, title ) => {
			renderPanel( withToken( diagnosis( code, title ) ) );

			const expires = scheduleOf( 'Token expires' );
			expect( expires ).not.toHaveTextContent( /minutes/ );
			expect( within( expires ).getByText( title ) ).toBeInTheDocument();
			expect( scheduleOf( 'Next refresh' ) ).toHaveTextContent(
				'A new token will be requested when you fix this.'
			);
		}
	);

	it( 'promises no renewal while the sign-in service refuses the credentials, and keeps the true expiry', () => {
		renderPanel(
			withToken(
				diagnosis( 'invalid_client', 'The client secret was refused.' )
			)
		);

		expect( scheduleOf( 'Token expires' ) ).toHaveTextContent(
			'in 59 minutes'
		);
		expect( scheduleOf( 'Next refresh' ) ).toHaveTextContent(
			'Renewal fails until this is fixed.'
		);
	} );

	it( 'keeps the times when the diagnosis is not about the token', () => {
		renderPanel(
			withToken(
				diagnosis( 'timeout', 'The API did not answer in time.' )
			)
		);

		expect( scheduleOf( 'Token expires' ) ).toHaveTextContent(
			'in 59 minutes'
		);
	} );
} );
