import apiFetch from '@wordpress/api-fetch';

import type {
	DiagnosisErrorData,
	Settings,
} from '../../../../src/shared/types';

// Each test file calls jest.mock( '@wordpress/api-fetch' ) itself, before this module's mock is used.
export const mockedApiFetch = apiFetch as jest.MockedFunction<
	typeof apiFetch
>;

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
	scopes: [ 'write:knowledge', 'read:widget' ],
	locked: {},
};

export function settings( overrides: Partial< Settings > = {} ): Settings {
	return { ...SETTINGS, ...overrides };
}

/** What apiFetch rejects with when the API refused the credentials (Diagnosis_Error). */
export const INVALID_CLIENT: {
	code: string;
	message: string;
	data: DiagnosisErrorData;
} = {
	code: 'causerie_verification_failed',
	message: 'Causerie refused the client ID and secret',
	data: {
		status: 422,
		diagnosis: {
			code: 'invalid_client',
			severity: 'error',
			title: 'Causerie refused the client ID and secret',
			explanation:
				'Causerie refuses the client id and secret. The secret was probably regenerated in the dashboard.',
			steps: [
				'In the Causerie dashboard, generate a new client secret.',
				'Paste the new secret in the Credentials section and save.',
				'Run the checks again to confirm the connection works.',
			],
			evidence: { status: 401, error: 'invalid_client' },
		},
	},
};

interface Call {
	path: string;
	method: string;
	data: Record< string, unknown > | undefined;
}

/** The requests apiFetch received, in order. */
export function calls(): Call[] {
	return mockedApiFetch.mock.calls.map( ( [ options ] ) => ( {
		path: String( options.path ),
		method: options.method ?? 'GET',
		data: options.data as Record< string, unknown > | undefined,
	} ) );
}

type Handler = ( call: Call ) => unknown;

/**
 * Answers each request by its method and path ("GET /causerie/v1/settings"); a handler that throws
 * makes apiFetch reject with what it threw, as it does with a WordPress REST error body.
 *
 * @param routes Handlers by "METHOD path".
 */
export function route( routes: Record< string, Handler > ): void {
	mockedApiFetch.mockImplementation( ( options ) => {
		const call: Call = {
			path: String( options.path ),
			method: options.method ?? 'GET',
			data: options.data as Record< string, unknown > | undefined,
		};
		const handler = routes[ `${ call.method } ${ call.path }` ];
		if ( ! handler ) {
			return Promise.reject(
				new Error( `No route for ${ call.method } ${ call.path }` )
			);
		}
		try {
			return Promise.resolve( handler( call ) ) as never;
		} catch ( error ) {
			return Promise.reject( error );
		}
	} );
}
