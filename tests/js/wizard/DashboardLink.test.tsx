import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../../src/App';
import type {
	AuthorizationServer,
	ConnectionStatus,
	Diagnosis,
} from '../../../src/shared/types';
import {
	diagnosis,
	routeApiFetch,
	run,
	SETTINGS,
	SITE,
	status,
} from '../screen/fixtures';

jest.mock( '@wordpress/api-fetch' );

const DOCS = 'https://auth.causerie.example/docs/credentials';

/** A regenerated secret: its first step is done in the Causerie dashboard, the second on this screen. */
const REGENERATED: Diagnosis = {
	...diagnosis( 'invalid_client', 'Causerie does not accept this secret.' ),
	dashboardSteps: [ 0 ],
};

function server( documentation: string | null ): AuthorizationServer {
	return {
		issuer: 'https://auth.causerie.example',
		tokenEndpoint: 'https://auth.causerie.example/token',
		resource: null,
		source: 'metadata',
		revocation: true,
		introspection: true,
		documentation,
	};
}

/**
 * Opens the wizard's fix step on a status whose cached metadata names a page for people, or none.
 *
 * @param documentation What the server published as service_documentation.
 */
async function openFixStep( documentation: string | null ) {
	routeApiFetch( {} );
	const broken: ConnectionStatus = {
		...status( REGENERATED ),
		server: server( documentation ),
	};
	render(
		<App
			initial={ {
				site: SITE,
				status: broken,
				checks: run( {
					credentials: {
						status: 'error',
						code: 'invalid_client',
						message: REGENERATED.title,
					},
				} ),
				settings: SETTINGS,
				texts: null,
			} }
			checkOnLoad={ false }
		/>
	);
	await act( async () => undefined );
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

describe( 'A wizard step that sends the owner to the Causerie dashboard', () => {
	afterEach( () => jest.restoreAllMocks() );

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

	it( 'links nothing when the server publishes no page, or one that is not a web address', async () => {
		const dialog = await openFixStep( 'javascript:alert(1)' );

		expect(
			within( dialog ).queryByRole( 'link', {
				name: /Where to find it at Causerie/,
			} )
		).toBeNull();
	} );
} );
