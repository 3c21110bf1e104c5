import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { App } from '../../../src/App';
import {
	CHECK_AFTER_SECONDS,
	CHECKS_TIMEOUT_MS,
} from '../../../src/connection/hooks/useConnection';
import {
	diagnosis,
	HEALTHY,
	requestsBesideReads,
	routeApiFetch,
	run,
	SETTINGS,
	SITE,
	status,
	troubleshootingPanel,
} from './fixtures';
import { renderApp } from './renderApp';
import { ON } from '../widget/fixtures';

jest.mock( '@wordpress/api-fetch' );

const REVOKED = diagnosis( 'token_revoked', 'The token was revoked.' );
const SKEWED = {
	...diagnosis( 'clock_skew', 'The server clock is off.' ),
	severity: 'warning' as const,
};

function healthProgress(): HTMLElement {
	const progress = document.querySelector< HTMLElement >(
		'.causerie-health__progress'
	);
	if ( ! progress ) {
		throw new Error( 'No progress region' );
	}
	expect( progress ).toHaveAttribute( 'role', 'status' );
	return progress;
}

function rowOf( label: string ): HTMLElement {
	const row = screen
		.getByText( label, { selector: 'strong' } )
		.closest( 'li' );
	if ( ! row ) {
		throw new Error( `No row ${ label }` );
	}
	return row;
}

describe( 'Settings → Causerie', () => {
	afterEach( () => jest.useRealTimers() );

	it( 'paints the preloaded status on the overview without a request, and the checks under Troubleshooting', async () => {
		routeApiFetch( {} );

		render(
			<App
				initial={ {
					site: SITE,
					status: status( SKEWED ),
					checks: run( {
						clock: {
							status: 'warning',
							code: 'clock_skew',
							message: 'The clock is off.',
							evidence: { skewSeconds: 125 },
						},
					} ),
					settings: SETTINGS,
					texts: null,
				} }
				checkOnLoad={ false }
			/>
		);

		expect(
			screen.getByRole( 'tab', { name: 'Overview', selected: true } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', { name: 'Not working' } )
		).toBeInTheDocument();
		expect(
			screen.getByText( 'The server clock is off.' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'button', { name: 'Fix it' } )
		).toBeInTheDocument();
		// The cards read their data once the screen has painted.
		expect( requestsBesideReads() ).toEqual( [] );
		await act( async () => undefined );

		await userEvent.click(
			screen.getByRole( 'tab', { name: 'Troubleshooting' } )
		);
		await troubleshootingPanel();
		expect( rowOf( 'Clock in sync' ) ).toHaveTextContent(
			'Off by 2 min 5 sec'
		);
		expect( rowOf( 'API reachable' ) ).toHaveTextContent(
			'The API answered in 42 ms.'
		);
		// A warning opens no wizard on its own.
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
	} );

	it( 'opens from a fresh last known state without running the checks', async () => {
		routeApiFetch( {} );

		render(
			<App
				initial={ {
					site: SITE,
					status: {
						...HEALTHY,
						checkAgeSeconds: CHECK_AFTER_SECONDS - 1,
					},
					checks: run(),
					settings: SETTINGS,
					texts: null,
				} }
			/>
		);
		await act( async () => undefined );

		expect(
			screen.getByRole( 'heading', { name: 'Connected' } )
		).toBeInTheDocument();
		expect( requestsBesideReads() ).toEqual( [] );
	} );

	it( 'checks again on load once the last known state is stale', async () => {
		routeApiFetch( {
			'POST /causerie/v1/checks': run(),
			'GET /causerie/v1/status': HEALTHY,
		} );

		render(
			<App
				initial={ {
					site: SITE,
					status: {
						...HEALTHY,
						checkAgeSeconds: CHECK_AFTER_SECONDS,
					},
					checks: run(),
					settings: SETTINGS,
					texts: null,
				} }
			/>
		);
		await act( async () => undefined );

		expect( requestsBesideReads() ).toContain( 'POST /causerie/v1/checks' );
	} );

	it( 'runs the checks on load and shows what they found, without hiding the previous results', async () => {
		let finish: ( value: unknown ) => void = () => undefined;
		routeApiFetch( {
			'POST /causerie/v1/checks': () =>
				new Promise( ( resolve ) => ( finish = resolve ) ),
			'GET /causerie/v1/status': status( REVOKED ),
		} );
		window.location.hash = '#troubleshooting';

		renderApp( {}, true );
		window.location.hash = '';
		await troubleshootingPanel();

		expect( healthProgress() ).toHaveTextContent(
			'Checking the connection…'
		);
		expect( rowOf( 'Token valid' ) ).toHaveTextContent(
			'The API accepts the token in use.'
		);
		await act( async () =>
			finish(
				run( {
					api: {
						status: 'error',
						code: 'token_revoked',
						message: 'The token was revoked.',
					},
				} )
			)
		);

		expect(
			await screen.findByRole( 'heading', {
				name: 'Not working',
				hidden: true,
			} )
		).toBeInTheDocument();
		expect( rowOf( 'Token valid' ) ).toHaveTextContent(
			'The token was revoked.'
		);
		expect(
			within( rowOf( 'Token valid' ) ).getByRole( 'button', {
				name: 'Fix: Token valid',
				hidden: true,
			} )
		).toBeInTheDocument();
		// The signature was not the problem, so its row says it could not be judged.
		expect( rowOf( 'Signature valid' ) ).toHaveTextContent( 'Not checked' );
		expect( healthProgress() ).toHaveTextContent( '' );
		// A 401 diagnosis opens the wizard.
		expect(
			screen.getByRole( 'dialog', { name: 'Fix the connection' } )
		).toBeInTheDocument();
	} );

	it( 'says so when the checks do not finish, and keeps the previous results', async () => {
		jest.useFakeTimers();
		routeApiFetch( {
			'POST /causerie/v1/checks': ( { signal } ) =>
				new Promise( ( _resolve, reject ) =>
					signal?.addEventListener( 'abort', () =>
						reject( new DOMException( 'Aborted', 'AbortError' ) )
					)
				),
		} );
		window.location.hash = '#troubleshooting';

		renderApp( {}, true );
		window.location.hash = '';
		await troubleshootingPanel();
		await act( async () => {
			jest.advanceTimersByTime( CHECKS_TIMEOUT_MS );
		} );

		expect(
			screen.getByText( /did not finish within 45 seconds/, {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', { name: 'Connected' } )
		).toBeInTheDocument();
		expect( rowOf( 'Credentials accepted' ) ).toHaveTextContent(
			'The API accepts this client ID and secret.'
		);
	} );

	it( 'ignores a second click while the checks run', async () => {
		let finish: ( value: unknown ) => void = () => undefined;
		routeApiFetch( {
			'POST /causerie/v1/checks': () =>
				new Promise( ( resolve ) => ( finish = resolve ) ),
			'GET /causerie/v1/status': HEALTHY,
		} );
		render(
			<App
				initial={ {
					site: SITE,
					status: { ...HEALTHY, checkedAt: null },
					checks: null,
					settings: SETTINGS,
					texts: null,
				} }
				checkOnLoad={ false }
			/>
		);

		expect(
			screen.getByRole( 'heading', { name: 'Not checked yet' } )
		).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Run checks' } )
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Checking…' } )
		);
		await act( async () => finish( run() ) );

		expect(
			requestsBesideReads().filter( ( request ) =>
				request.startsWith( 'POST' )
			)
		).toHaveLength( 1 );
		expect(
			await screen.findByRole( 'heading', { name: 'Connected' } )
		).toBeInTheDocument();
	} );

	it( 'opens the wizard at once when the address ends in #fix', async () => {
		routeApiFetch( {} );
		window.location.hash = '#fix';

		render(
			<App
				initial={ {
					site: SITE,
					status: status( SKEWED ),
					checks: run(),
					settings: SETTINGS,
					texts: null,
				} }
				checkOnLoad={ false }
			/>
		);
		await act( async () => undefined );
		window.location.hash = '';

		expect(
			screen.getByRole( 'dialog', { name: 'Fix the connection' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', {
				name: 'Step 1 of 4: What happened',
			} )
		).toBeInTheDocument();
	} );

	it( 'opens the Chatbot tab from #chatbot, once its chunk has loaded', async () => {
		routeApiFetch( {
			'GET /causerie/v1/widget': ON,
		} );
		window.location.hash = '#chatbot';

		renderApp();
		window.location.hash = '';

		expect(
			screen.getByRole( 'tab', { name: 'Chatbot', selected: true } )
		).toBeInTheDocument();
		expect(
			await screen.findByRole( 'checkbox', {
				name: 'Show the chatbot on the site',
			} )
		).toBeChecked();
	} );
} );
