import apiFetch from '@wordpress/api-fetch';
import { act, screen } from '@testing-library/react';

import type { InitialData } from '../../../src/App';
import type {
	CheckResult,
	ChecksRun,
	ConnectionStatus,
	Diagnosis,
	Settings,
} from '../../../src/shared/types';
import { CARD_READS } from '../overview/fixtures';

export const SITE: InitialData[ 'site' ] = {
	pluginVersion: '9.8.7',
	wordpressVersion: '7.1.4',
	phpVersion: '8.2.36',
	environmentType: 'production',
	multisite: false,
};

const ALL_IDS: CheckResult[ 'id' ][] = [
	'configured',
	'site',
	'reachable',
	'clock',
	'credentials',
	'token',
	'api',
	'scopes',
	'environment',
];

/**
 * A run of the checks in which every check passed but the ones given.
 *
 * @param failures Checks that differ from a pass.
 */
export function run(
	failures: Partial<
		Record< CheckResult[ 'id' ], Partial< CheckResult > >
	> = {}
): ChecksRun {
	return {
		checkedAt: '2026-11-26T10:00:00Z',
		lastSuccessAt: '2026-11-26T09:00:00Z',
		checks: ALL_IDS.map( ( id ) => ( {
			id,
			status: 'ok',
			code: '',
			message: '',
			evidence: id === 'reachable' ? { latencyMs: 42 } : {},
			...failures[ id ],
		} ) ),
	};
}

export function diagnosis(
	code: Diagnosis[ 'code' ],
	title: string
): Diagnosis {
	return {
		code,
		severity: 'error',
		title,
		explanation: `Explanation of ${ code }.`,
		steps: [ `First step for ${ code }.`, `Second step for ${ code }.` ],
	};
}

export function status( found: Diagnosis | null ): ConnectionStatus {
	return {
		state: found ? 'broken' : 'connected',
		diagnosis: found,
		tokenExpiresAt: '2026-11-26T11:00:00Z',
		nextRefreshAt: '2026-11-26T10:48:00Z',
		checkedAt: '2026-11-26T10:00:00Z',
		lastSuccessAt: '2026-11-26T09:00:00Z',
		healed: null,
		server: null,
	};
}

export const HEALTHY = status( null );

type Handler = ( options: {
	path?: string;
	method?: string;
	data?: unknown;
	signal?: AbortSignal | null;
} ) => unknown;

/**
 * Answers apiFetch by method and path; an unrouted call fails the test. The overview cards' reads are
 * answered unless a route says otherwise.
 *
 * @param routes "METHOD /path" → handler or value.
 */
export function routeApiFetch(
	routes: Record< string, Handler | object >
): jest.Mock {
	const mocked = apiFetch as unknown as jest.Mock;
	mocked.mockReset();
	mocked.mockImplementation(
		async ( options: Parameters< Handler >[ 0 ] ) => {
			const key = `${ options.method ?? 'GET' } ${ options.path ?? '' }`;
			const route = { ...SCREEN_READS, ...routes }[ key ];
			if ( route === undefined ) {
				throw new Error( `Unexpected request ${ key }` );
			}
			return typeof route === 'function'
				? ( route as Handler )( options )
				: route;
		}
	);
	return mocked;
}

/**
 * The requests made, as "METHOD /path".
 */
export function requests(): string[] {
	return ( apiFetch as unknown as jest.Mock ).mock.calls.map(
		( [ options ]: [ { method?: string; path?: string } ] ) =>
			`${ options.method ?? 'GET' } ${ options.path ?? '' }`
	);
}

/** The reads a tab makes once painted: the overview's cards, and Troubleshooting's event log. */
const SCREEN_READS: Record< string, object > = {
	...CARD_READS,
	'GET /causerie/v1/events': [],
};

/**
 * The requests made, as "METHOD /path", besides the reads tabs make once painted.
 */
export function requestsBesideReads(): string[] {
	return requests().filter( ( request ) => ! ( request in SCREEN_READS ) );
}

export const SETTINGS: Settings = {
	environment: 'production',
	activeEnvironment: 'production',
	clientId: 'wp-production',
	hasSecret: true,
	secretHint: '3f9a1c',
	secretStatus: 'ok',
	apiUrl: 'https://api.causerie.example',
	issuer: '',
	tokenEndpoint: '',
	scopes: [ 'read:widget', 'write:knowledge' ],
	locked: {},
};

/**
 * Waits for the Troubleshooting tab's chunk, once the screen opened on it (#troubleshooting), and answers its
 * health panel.
 */
export async function troubleshootingPanel(): Promise< HTMLElement > {
	// The tab is a chunk of its own, loading since the screen opened on it; it and its sections' tabs settle.
	await act( async () => {
		await import( '../../../src/troubleshooting/TroubleshootingTab' );
	} );
	await act( async () => undefined );
	// Hidden while the wizard, a modal, opened by itself.
	return screen
		.getByRole( 'heading', { name: 'Connection health', hidden: true } )
		.closest( '.causerie-health' ) as HTMLElement;
}
