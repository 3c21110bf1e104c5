import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

import type { Client, ClientStore } from './clients';
import { OAuthError } from './oauth-errors';

/** client_secret_json is Causerie's own: the secret in a JSON body, as its public guide shows. */
export type AuthMethod =
	'client_secret_basic' | 'client_secret_post' | 'client_secret_json';
export const AUTH_METHODS: readonly AuthMethod[] = [
	'client_secret_basic',
	'client_secret_post',
	'client_secret_json',
];

export interface AuthenticatedClient {
	client: Client;
	method: AuthMethod;
}

/** Request parameters after the body parser: a form or JSON object, each value present at most once. */
export type Params = Record< string, string >;

/**
 * Reads the body as OAuth parameters. RFC 6749 §3.2 forbids repeating a parameter; the JSON variant
 * must hold strings only.
 */
export function readParams( request: FastifyRequest ): Params {
	const type = ( request.headers[ 'content-type' ] ?? '' )
		.split( ';' )[ 0 ]
		?.trim()
		.toLowerCase();
	if (
		type !== 'application/x-www-form-urlencoded' &&
		type !== 'application/json'
	) {
		throw new OAuthError(
			'invalid_request',
			'The body must be application/x-www-form-urlencoded (or JSON)'
		);
	}
	const body: unknown = request.body;
	if ( typeof body !== 'object' || body === null || Array.isArray( body ) ) {
		throw new OAuthError(
			'invalid_request',
			'The request body is empty or not an object'
		);
	}
	const params: Params = {};
	for ( const [ name, value ] of Object.entries( body ) ) {
		if ( Array.isArray( value ) ) {
			throw new OAuthError(
				'invalid_request',
				`The parameter ${ name } is repeated`
			);
		}
		if ( typeof value !== 'string' ) {
			throw new OAuthError(
				'invalid_request',
				`The parameter ${ name } must be a string`
			);
		}
		// RFC 6749 §3.2: a parameter sent without a value is treated as omitted.
		if ( value !== '' ) {
			params[ name ] = value;
		}
	}
	return params;
}

/** A parameter that must be present and not empty. */
export function required( params: Params, name: string ): string {
	const value = params[ name ];
	if ( value === undefined || value === '' ) {
		throw new OAuthError(
			'invalid_request',
			`The parameter ${ name } is missing`
		);
	}
	return value;
}

/**
 * application/x-www-form-urlencoded decoding, as RFC 6749 §2.3.1 asks of Basic credentials.
 */
function formDecode( value: string ): string {
	return decodeURIComponent( value.replace( /\+/g, ' ' ) );
}

function sameSecret( given: string, expected: string ): boolean {
	const hash = ( value: string ) =>
		createHash( 'sha256' ).update( value ).digest();
	return timingSafeEqual( hash( given ), hash( expected ) );
}

/**
 * The client id a request claims, for counting requests even when authentication fails.
 */
export function claimedClientId(
	request: FastifyRequest,
	params: Params
): string {
	try {
		const basic = parseBasic( request.headers.authorization );
		if ( basic ) {
			return basic.id;
		}
	} catch {
		// Counted under the body's client_id, if any.
	}
	return params.client_id ?? 'unknown';
}

function parseBasic(
	header: string | undefined
): { id: string; secret: string } | undefined {
	const match = header
		? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec( header )
		: null;
	if ( ! header ) {
		return undefined;
	}
	if ( ! match?.[ 1 ] ) {
		throw new OAuthError(
			'invalid_request',
			'The Authorization header is not valid Basic credentials'
		);
	}
	const decoded = Buffer.from( match[ 1 ], 'base64' ).toString( 'utf8' );
	const colon = decoded.indexOf( ':' );
	if ( colon < 0 ) {
		throw new OAuthError(
			'invalid_request',
			'The Basic credentials have no colon between id and secret'
		);
	}
	try {
		return {
			id: formDecode( decoded.slice( 0, colon ) ),
			secret: formDecode( decoded.slice( colon + 1 ) ),
		};
	} catch {
		throw new OAuthError(
			'invalid_request',
			'The Basic credentials are not form-urlencoded'
		);
	}
}

/**
 * Authenticates the client with exactly one method (RFC 6749 §2.3): HTTP Basic, client_secret in a form
 * body, or client_secret in a JSON body.
 */
export function authenticateClient(
	request: FastifyRequest,
	params: Params,
	clients: ClientStore
): AuthenticatedClient {
	const basic = parseBasic( request.headers.authorization );
	const inBody = params.client_secret !== undefined;
	if ( basic && inBody ) {
		throw new OAuthError(
			'invalid_request',
			'The client authenticated with more than one method'
		);
	}
	if (
		basic &&
		params.client_id !== undefined &&
		params.client_id !== basic.id
	) {
		throw new OAuthError(
			'invalid_request',
			'client_id in the body differs from the Basic credentials'
		);
	}
	const isJson = ( request.headers[ 'content-type' ] ?? '' )
		.toLowerCase()
		.startsWith( 'application/json' );
	let method: AuthMethod;
	let id: string | undefined;
	let secret: string | undefined;
	if ( basic ) {
		method = 'client_secret_basic';
		( { id, secret } = basic );
	} else {
		method = isJson ? 'client_secret_json' : 'client_secret_post';
		id = params.client_id;
		secret = params.client_secret;
	}
	if ( id === undefined || secret === undefined ) {
		throw new OAuthError(
			'invalid_client',
			'Client authentication is missing'
		);
	}
	const client = clients.get( id );
	if ( ! client || ! sameSecret( secret, client.secret ) ) {
		throw new OAuthError(
			'invalid_client',
			'The client id or secret is not valid'
		);
	}
	return { client, method };
}
