import type { FastifyReply } from 'fastify';

/** RFC 6749 §5.2 error codes, RFC 7009 §2.2.1's unsupported_token_type and RFC 8707 §2's invalid_target. */
export type OAuthErrorCode =
	| 'invalid_request'
	| 'invalid_client'
	| 'invalid_grant'
	| 'unauthorized_client'
	| 'unsupported_grant_type'
	| 'invalid_scope'
	| 'unsupported_token_type'
	| 'invalid_target';

export class OAuthError extends Error {
	/**
	 * `scope` names the refused scopes of an invalid_scope error: a Causerie member of the §5.2 body, so that a
	 * client can tell its owner which scope to ask for without parsing the description.
	 */
	constructor(
		readonly code: OAuthErrorCode,
		readonly description: string,
		readonly scope?: string
	) {
		super( description );
	}

	get status(): number {
		return this.code === 'invalid_client' ? 401 : 400;
	}
}

/**
 * Token endpoint answers must never be cached (RFC 6749 §5.1).
 */
export function noStore( reply: FastifyReply ): FastifyReply {
	return reply
		.header( 'cache-control', 'no-store' )
		.header( 'pragma', 'no-cache' );
}

export function sendOAuthError(
	reply: FastifyReply,
	error: OAuthError
): FastifyReply {
	noStore( reply ).code( error.status );
	// RFC 6749 requires the challenge when Basic was tried; HTTP requires one on every 401.
	if ( error.status === 401 ) {
		reply.header(
			'www-authenticate',
			'Basic realm="causerie", charset="UTF-8"'
		);
	}
	return reply.send( {
		error: error.code,
		error_description: error.description,
		...( error.scope === undefined ? {} : { scope: error.scope } ),
	} );
}
