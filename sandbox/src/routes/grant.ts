import { required, type Params } from '../client-auth';
import type { Client } from '../clients';
import { OAuthError } from '../oauth-errors';
import { isScope, parseScope } from '../scopes';
import type { SandboxState } from '../state';
import type { Grant, IssuedTokens } from '../tokens';

/**
 * The token endpoint's grants, for an authenticated client: client credentials (RFC 6749 §4.4) and
 * refresh (§6), with an RFC 8707 resource indicator. Answers the §5.1 body, shaped by the modes.
 */
export async function grant(
	params: Params,
	client: Client,
	state: SandboxState
): Promise< Record< string, unknown > > {
	const grantType = required( params, 'grant_type' );
	checkResource( params.resource, state.audience );
	const requested =
		params.scope === undefined ? undefined : parseScope( params.scope );
	if ( requested?.length === 0 ) {
		throw new OAuthError(
			'invalid_scope',
			'The scope parameter names no scope',
			''
		);
	}
	refuseScopes(
		requested?.filter( ( scope ) => ! isScope( scope ) ),
		( scope ) => `Unknown scope: ${ scope }`
	);

	let scopes: string[];
	let refreshed: Grant | undefined;
	let usedRefreshToken: string | undefined;
	if ( grantType === 'client_credentials' ) {
		refuseScopes(
			requested?.filter( ( scope ) => ! allowed( client, scope ) ),
			( scope ) => `The client is not allowed the scope ${ scope }`
		);
		scopes = requested ?? [ ...client.scopes ];
	} else if ( grantType === 'refresh_token' ) {
		// RFC 6749 §4.4.3: a server may issue no refresh token at all to a client_credentials client.
		if ( state.modes.refreshTokens === 'never' ) {
			throw new OAuthError(
				'unauthorized_client',
				'This server does not issue refresh tokens'
			);
		}
		if ( ! client.refreshTokens ) {
			throw new OAuthError(
				'unauthorized_client',
				'This client is not allowed refresh tokens'
			);
		}
		usedRefreshToken = required( params, 'refresh_token' );
		const used = state.tokens.checkRefreshToken(
			usedRefreshToken,
			client.id
		);
		if ( 'error' in used ) {
			throw new OAuthError( 'invalid_grant', used.error );
		}
		// RFC 6749 §6: a refresh may narrow the scope, never widen it; scopes the client lost since are dropped.
		refuseScopes(
			requested?.filter( ( scope ) => ! used.scopes.includes( scope ) ),
			( scope ) =>
				`The scope ${ scope } was not part of the original grant`
		);
		scopes = ( requested ?? used.scopes ).filter( ( scope ) =>
			allowed( client, scope )
		);
		refreshed = used;
	} else {
		throw new OAuthError(
			'unsupported_grant_type',
			`The grant type ${ grantType } is not supported`
		);
	}

	const issued = await state.tokens.issue( client, scopes, refreshed );
	// Only a refresh that succeeded uses up the old token.
	if ( usedRefreshToken !== undefined ) {
		state.tokens.refresh.markRotated( usedRefreshToken );
	}
	// §6: a refresh without scope asks for the grant's scope.
	return answer( issued, requested ?? refreshed?.scopes, state );
}

/** RFC 8707 §2: a resource the server does not issue tokens for is refused; one trailing slash is tolerated. */
function checkResource( resource: string | undefined, audience: string ) {
	if (
		resource !== undefined &&
		resource !== audience &&
		resource !== audience + '/'
	) {
		throw new OAuthError(
			'invalid_target',
			`The resource ${ resource } is not served by this authorization server; its tokens are for ${ audience }`
		);
	}
}

/** Throws invalid_scope naming the first refused scope in the description and all of them in `scope`. */
function refuseScopes(
	refused: string[] | undefined,
	describe: ( first: string ) => string
): void {
	const [ first ] = refused ?? [];
	if ( refused && first !== undefined ) {
		throw new OAuthError(
			'invalid_scope',
			describe( first ),
			refused.join( ' ' )
		);
	}
}

function allowed( client: Client, scope: string ): boolean {
	return ( client.scopes as string[] ).includes( scope );
}

/**
 * RFC 6749 §5.1. expires_in is only RECOMMENDED, so it may be omitted; scope may be omitted only when it is
 * the scope requested, so it stays whenever it differs or nothing was requested.
 */
function answer(
	issued: IssuedTokens,
	requested: string[] | undefined,
	state: SandboxState
): Record< string, unknown > {
	const { expiresIn, scopeInResponse } = state.modes;
	const asRequested =
		requested !== undefined &&
		requested.length === issued.scopes.length &&
		requested.every( ( scope ) => issued.scopes.includes( scope ) );
	return {
		access_token: issued.accessToken,
		token_type: 'Bearer',
		...( expiresIn === 'sent' ? { expires_in: issued.expiresIn } : {} ),
		...( scopeInResponse === 'sent' || ! asRequested
			? { scope: issued.scopes.join( ' ' ) }
			: {} ),
		...( issued.refreshToken
			? { refresh_token: issued.refreshToken }
			: {} ),
	};
}
