import { after, before } from 'node:test';

import { CONTROL_PREFIX } from '../../sandbox/src/routes/control';
import {
	startSandbox,
	type Sandbox,
	type StartOptions,
} from '../../sandbox/src/server';

/** A parsed JSON object, as the tests read answers. */
export type Json = Record< string, unknown >;

export const DEV = {
	id: 'wp-development',
	secret: 'sandbox-development-secret',
};
export const PROD = {
	id: 'wp-production',
	secret: 'sandbox-production-secret',
};

/**
 * Starts a sandbox for the test file on free ports, with any start options, and resets it fully before
 * each use of `fresh()` (back to the start-time modes too).
 */
export function useSandbox( options: StartOptions = {} ): {
	url: () => string;
	apiUrl: () => string;
	fresh: () => Promise< void >;
} {
	let sandbox: Sandbox | undefined;
	before( async () => {
		sandbox = await startSandbox( { port: 0, ...options } );
	} );
	after( async () => {
		await sandbox?.close();
	} );
	const started = (): Sandbox => {
		if ( ! sandbox ) {
			throw new Error( 'sandbox not started' );
		}
		return sandbox;
	};
	return {
		url: () => started().url,
		apiUrl: () => started().apiUrl,
		fresh: async () => {
			await sandbox?.state.reset( { full: true } );
		},
	};
}

/**
 * RFC 6749 §2.3.1: id and secret are form-urlencoded, then joined and base64-encoded.
 */
export function basic( id: string, secret: string ): string {
	const encode = ( value: string ) =>
		encodeURIComponent( value ).replace( /%20/g, '+' );
	return (
		'Basic ' +
		Buffer.from( `${ encode( id ) }:${ encode( secret ) }` ).toString(
			'base64'
		)
	);
}

export function form( params: Record< string, string > ): URLSearchParams {
	return new URLSearchParams( params );
}

export async function control(
	base: string,
	method: string,
	path: string,
	body?: unknown
): Promise< Response > {
	return fetch( base + CONTROL_PREFIX + path, {
		method,
		...( body === undefined
			? {}
			: {
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify( body ),
				} ),
	} );
}

export interface TokenResponse {
	access_token: string;
	token_type: string;
	expires_in: number;
	scope: string;
	refresh_token?: string;
}

/**
 * Gets an access token with client_secret_basic.
 */
export async function getToken(
	base: string,
	client: { id: string; secret: string },
	params: Record< string, string > = {}
): Promise< TokenResponse > {
	const response = await fetch( base + '/auth/token', {
		method: 'POST',
		headers: { authorization: basic( client.id, client.secret ) },
		body: form( { grant_type: 'client_credentials', ...params } ),
	} );
	if ( response.status !== 200 ) {
		throw new Error(
			`token request failed: ${ response.status } ${ await response.text() }`
		);
	}
	return ( await response.json() ) as TokenResponse;
}

/**
 * Mints a token through the control API, with chosen claims or a chosen bad signature.
 */
export async function mint(
	base: string,
	request: Record< string, unknown >
): Promise< string > {
	const response = await control( base, 'POST', '/tokens', {
		clientId: DEV.id,
		...request,
	} );
	return ( ( await response.json() ) as { access_token: string } )
		.access_token;
}

export function call(
	base: string,
	path: string,
	token?: string,
	init: RequestInit = {}
): Promise< Response > {
	return fetch( base + path, {
		...init,
		headers: {
			...( token ? { authorization: `Bearer ${ token }` } : {} ),
			...( init.headers ?? {} ),
		},
	} );
}

/** Posts to the token endpoint as it is, for tests of malformed and refused requests. */
export function postToken(
	base: string,
	init: RequestInit
): Promise< Response > {
	return fetch( base + '/auth/token', { method: 'POST', ...init } );
}

/** The OAuth `error` code of an answer. */
export async function errorOf( response: Response ): Promise< unknown > {
	return ( ( await response.json() ) as Json ).error;
}
