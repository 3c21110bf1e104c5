/**
 * The token inspector under test: a fake server behind the mocked apiFetch, a clock stopped when the test
 * file started, and the admin's gestures. Importing this file mocks both for the test file.
 */
import apiFetch from '@wordpress/api-fetch';
import { render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSONWebKeySet } from 'jose';

import {
	CHECKS_PATH,
	SETTINGS_PATH,
} from '../../../../src/shared/api/connection';
import {
	DIAGNOSES_PATH,
	JWKS_PATH,
	TOKEN_PATH,
} from '../../../../src/shared/api/troubleshooting';
import { TokenInspector } from '../../../../src/troubleshooting/TokenInspector';
import type {
	AuthorizationServer,
	ChecksRun,
	TokenDescription,
} from '../../../../src/shared/types';
import { SETTINGS, TEXTS } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

/**
 * Seconds since the epoch when the test file started: tokens are made around it and the countdown reads it,
 * so what it shows is exact. Its ticking is tested in TokenClaimsTable.test.tsx.
 */
const mockStart = Math.floor( Date.now() / 1000 );
jest.mock( '../../../../src/shared/hooks/useNow', () => ( {
	useNow: () => mockStart * 1000,
} ) );
export const START = mockStart;

const mockedApiFetch = apiFetch as jest.MockedFunction< typeof apiFetch >;

export interface Server {
	/** The public keys GET /jwks answers. */
	jwks: JSONWebKeySet;
	/** What GET /jwks?kid= answers, once the server fetched the keys again; `jwks` by default. */
	freshJwks?: JSONWebKeySet;
	/** What GET /token says of the token's format; a JWT by default. */
	format?: TokenDescription[ 'format' ];
	/** The token GET /token?reveal=true reveals. */
	token?: string;
	/** What POST /checks answers. */
	checks?: ChecksRun[ 'checks' ];
	/** A REST error GET /jwks fails with instead. */
	jwksError?: unknown;
	/** A REST error GET /token fails with instead. */
	tokenError?: unknown;
}

function answer( server: Server ) {
	return async ( options: { path?: string; method?: string } ) => {
		if ( options.path?.startsWith( `${ JWKS_PATH }?kid=` ) ) {
			return server.freshJwks ?? server.jwks;
		}
		switch ( `${ options.method ?? 'GET' } ${ options.path }` ) {
			case `GET ${ DIAGNOSES_PATH }`:
				return TEXTS;
			case `GET ${ SETTINGS_PATH }`:
				return SETTINGS;
			case `GET ${ JWKS_PATH }`:
				if ( server.jwksError ) {
					throw server.jwksError;
				}
				return server.jwks;
			case `GET ${ TOKEN_PATH }?reveal=true`:
				if ( server.tokenError ) {
					throw server.tokenError;
				}
				return {
					format: server.format ?? 'jwt',
					header: {},
					claims: {},
					scopes: [],
					environment: 'local',
					issuedAt: '',
					expiresAt: '',
					renewAt: '',
					expiryKnown: true,
					clockSkew: 0,
					...( server.token ? { token: server.token } : {} ),
				} satisfies TokenDescription;
			case `POST ${ CHECKS_PATH }`:
				return { checkedAt: '', checks: server.checks ?? [] };
		}
		throw new Error( `unexpected request ${ options.path }` );
	};
}

export function serve( server: Server ) {
	mockedApiFetch.mockImplementation( answer( server ) as typeof apiFetch );
}

/** Forgets the server and the requests made to it. */
export function resetServer() {
	mockedApiFetch.mockReset();
}

/** Every path requested so far. */
export function requestedPaths(): string[] {
	return mockedApiFetch.mock.calls.map(
		( [ options ] ) => options.path ?? ''
	);
}

/** Everything sent to the server so far, as one string to search. */
export function everythingSent(): string {
	return JSON.stringify( mockedApiFetch.mock.calls );
}

/**
 * Renders the inspector; queries go through the returned object, inside the inspector, because Notices
 * also speak their text into a live region outside it.
 *
 * @param server The sign-in service the status names, if any.
 */
export function renderInspector( server: AuthorizationServer | null = null ) {
	return within( render( <TokenInspector server={ server } /> ).container );
}

export type View = ReturnType< typeof renderInspector >;

/** The "In the token" cell of a row of the claims table. */
export function valueOf( view: View, field: string ): string {
	const row = view.getByRole( 'rowheader', { name: new RegExp( field ) } )
		.parentElement as HTMLElement;
	return within( row ).getAllByRole( 'cell' )[ 0 ]?.textContent ?? '';
}

export async function paste( view: View, token: string ) {
	const user = userEvent.setup();
	await user.click(
		view.getByRole( 'textbox', { name: 'Or paste a token' } )
	);
	await user.paste( token );
	await user.click(
		view.getByRole( 'button', { name: 'Inspect the pasted token' } )
	);
}

export async function inspectCurrent( view: View ) {
	await userEvent
		.setup()
		.click(
			view.getByRole( 'button', { name: 'Inspect the current token' } )
		);
}
