import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CredentialsStep } from '../../../src/setup/CredentialsStep';
import { routeApiFetch } from '../screen/fixtures';
import { connectWidgetOnly, FRESH } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

/** Causerie's answer to a client asking for a permission it may not have. */
const INVALID_SCOPE = {
	code: 'causerie_verification_failed',
	message: 'Causerie refused the requested permissions.',
	data: {
		status: 422,
		diagnosis: {
			code: 'invalid_scope',
			severity: 'error',
			title: 'Causerie refused the requested permissions (scopes) for this client.',
			explanation: 'Not every permission.',
			steps: [],
			evidence: {},
		},
	},
};

/**
 * Answers each save with what `answer` makes of the scopes it sends.
 *
 * @param answer The save's answer, from the scopes sent (none: the stored ones).
 * @return The scopes of each save, in order.
 */
function routeSaves(
	answer: ( scopes: string[] | undefined ) => unknown
): Array< string[] | undefined > {
	const sent: Array< string[] | undefined > = [];
	routeApiFetch( {
		'POST /causerie/v1/settings': ( options: {
			data?: { scopes?: string[] };
		} ) => {
			sent.push( options.data?.scopes );
			return answer( options.data?.scopes );
		},
	} );
	return sent;
}

/**
 * Fills the step on a fresh site and presses Connect.
 *
 * @return The mock told of the saved profile.
 */
async function connect(): Promise< jest.Mock > {
	const onSaved = jest.fn();
	const user = userEvent.setup();
	render(
		<CredentialsStep
			settings={ FRESH }
			apiUrl="https://api.causerie.example"
			documentation={ null }
			onSaved={ onSaved }
		/>
	);
	await connectWidgetOnly( user );
	return onSaved;
}

describe( 'The first run’s credentials step', () => {
	it( 'connects with the permissions the plugin needs when Causerie refuses the optional ones', async () => {
		const sent = routeSaves( ( scopes ) =>
			scopes?.includes( 'read:conversations' )
				? Promise.reject( INVALID_SCOPE )
				: { ...FRESH, clientId: 'wp-widget-only', hasSecret: true }
		);
		const onSaved = await connect();

		await waitFor( () => expect( onSaved ).toHaveBeenCalledTimes( 1 ) );
		expect( sent ).toHaveLength( 2 );
		expect( sent[ 0 ] ).toContain( 'read:conversations' );
		// The stored default is what the plugin needs, so the second save sends no scopes of its own.
		expect( sent[ 1 ] ?? FRESH.scopes ).not.toContain(
			'read:conversations'
		);
	} );

	it( 'connects with what Causerie allows when it names the permissions it refused', async () => {
		const refusal = ( refused: string[] ) => ( {
			...INVALID_SCOPE,
			data: {
				...INVALID_SCOPE.data,
				diagnosis: {
					...INVALID_SCOPE.data.diagnosis,
					evidence: { refused },
				},
			},
		} );
		// As Causerie answers a client allowed only the widget: every scope it lacks is named.
		const sent = routeSaves( ( scopes ) => {
			const refused = ( scopes ?? FRESH.scopes ).filter(
				( scope ) => scope !== 'read:widget'
			);
			return refused.length > 0
				? Promise.reject( refusal( refused ) )
				: {
						...FRESH,
						clientId: 'wp-widget-only',
						hasSecret: true,
						scopes,
					};
		} );
		const onSaved = await connect();

		await waitFor( () => expect( onSaved ).toHaveBeenCalledTimes( 1 ) );
		expect( sent ).toEqual( [
			[ 'read:conversations', 'write:knowledge', 'read:widget' ],
			[ 'read:widget' ],
		] );
	} );

	it( 'asks once: a second refusal stays on the step with its diagnosis', async () => {
		const sent = routeSaves( () => Promise.reject( INVALID_SCOPE ) );
		const onSaved = await connect();

		// The first refusal's notice goes while the retry is under way: the one to find is the second's.
		await waitFor( () => expect( sent ).toHaveLength( 2 ) );
		expect(
			await screen.findByRole( 'heading', {
				name: 'Causerie refused the requested permissions (scopes) for this client.',
			} )
		).toBeVisible();
		expect( onSaved ).not.toHaveBeenCalled();
	} );
} );
