import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { AccessTokenClaims } from '../access-tokens';
import { summarize, type DocumentFields } from '../knowledge';
import { isSourceId, parseDocument, sha256 } from '../knowledge-documents';
import { parseLookup, type ListingQuery } from '../knowledge-lookup';
import {
	DEFAULT_PAGE_SIZE,
	MAX_DOCUMENT_BODY_BYTES,
	MAX_PAGE_SIZE,
} from '../knowledge-limits';
import type { Scope } from '../scopes';
import type { SandboxState } from '../state';
import { registerBatchRoute } from './knowledge-batch';

/** The token checks of the protected API, shared so every route refuses alike. */
export interface Guard {
	authorize: (
		needed?: Scope
	) => (
		request: FastifyRequest,
		reply: FastifyReply
	) => Promise< FastifyReply | undefined >;
	claimsOf: ( request: FastifyRequest ) => AccessTokenClaims;
}

export const KNOWLEDGE_SCOPE: Scope = 'write:knowledge';

/**
 * What every protected route of a group shares: its options (the API's fault group, and the token and scope
 * check), and the client the request's token names.
 *
 * @param guard The token checks.
 * @param scope The scope the group needs.
 */
export function scoped( guard: Guard, scope: Scope ) {
	return {
		options: {
			config: { endpoint: 'api' },
			preHandler: guard.authorize( scope ),
		} as const,
		clientOf: ( request: FastifyRequest ) =>
			guard.claimsOf( request ).client_id,
	};
}

export function sendError(
	reply: FastifyReply,
	status: number,
	error: string,
	description: string,
	extra: Record< string, unknown > = {}
): FastifyReply {
	return reply
		.code( status )
		.send( { error, error_description: description, ...extra } );
}

export function quotaExceeded(
	reply: FastifyReply,
	state: SandboxState,
	clientId: string
): FastifyReply {
	return sendError(
		reply,
		402,
		'quota_exceeded',
		`The plan allows ${ state.knowledge.quota } documents`,
		{ quota: state.knowledge.quota, held: state.knowledge.held( clientId ) }
	);
}

export function invalidSourceId( reply: FastifyReply ): FastifyReply {
	return sendError(
		reply,
		400,
		'invalid_source_id',
		'A source id is 1 to 200 of [A-Za-z0-9._:~-], starting with a letter or digit'
	);
}

/** A body over the route's limit: Fastify's own error, answered in the route's terms. */
export function tooLargeHandler( error: string, description: string ) {
	return async (
		failure: { statusCode?: number; message?: string },
		_request: FastifyRequest,
		reply: FastifyReply
	) =>
		failure.statusCode === 413
			? sendError( reply, 413, error, description )
			: sendError(
					reply,
					failure.statusCode ?? 500,
					( failure.statusCode ?? 500 ) < 500
						? 'invalid_request'
						: 'server_error',
					failure.message ?? 'Unexpected error'
				);
}

const cursorOf = ( sourceId: string ) =>
	Buffer.from( sourceId, 'utf8' ).toString( 'base64url' );

/**
 * The knowledge base: upsert, delete, list and look up by the site's own source id, and batches of those.
 * All of it needs write:knowledge.
 */
export function registerKnowledgeRoutes(
	app: FastifyInstance,
	state: SandboxState,
	guard: Guard
): void {
	const { options, clientOf } = scoped( guard, KNOWLEDGE_SCOPE );

	// The documents asked for, in one answer: a client unsure whether its writes landed resends only the rest.
	const lookUp = (
		request: FastifyRequest< { Querystring: ListingQuery } >,
		reply: FastifyReply
	) => {
		const lookup = parseLookup( request.query );
		if ( ! lookup.ok ) {
			return sendError(
				reply,
				400,
				'invalid_request',
				lookup.description
			);
		}
		return reply.send( {
			data: state.knowledge
				.find( clientOf( request ), lookup.sourceIds )
				.map( summarize ),
			has_more: false,
			next_cursor: null,
		} );
	};

	app.put< { Params: { source_id: string } } >(
		'/v1/knowledge/documents/:source_id',
		{
			...options,
			bodyLimit: MAX_DOCUMENT_BODY_BYTES,
			errorHandler: tooLargeHandler(
				'document_too_large',
				`The request body is over ${ MAX_DOCUMENT_BODY_BYTES } bytes`
			),
		},
		async ( request, reply ) => {
			const sourceId = request.params.source_id;
			if ( ! isSourceId( sourceId ) ) {
				return invalidSourceId( reply );
			}
			const parsed = parseDocument( request.body );
			if ( ! parsed.ok ) {
				return sendError(
					reply,
					parsed.error === 'document_too_large' ? 413 : 422,
					parsed.error,
					parsed.description
				);
			}
			const clientId = clientOf( request );
			if (
				! state.knowledge.has( clientId, sourceId ) &&
				state.knowledge.held( clientId ) + 1 > state.knowledge.quota
			) {
				return quotaExceeded( reply, state, clientId );
			}
			const { result, document } = state.knowledge.upsert(
				clientId,
				sourceId,
				parsed.input
			);
			return reply
				.code( result === 'created' ? 201 : 200 )
				.send( { ...summarize( document ), result } );
		}
	);

	app.delete< { Params: { source_id: string } } >(
		'/v1/knowledge/documents/:source_id',
		options,
		async ( request, reply ) => {
			const sourceId = request.params.source_id;
			if ( ! isSourceId( sourceId ) ) {
				return invalidSourceId( reply );
			}
			return state.knowledge.remove( clientOf( request ), sourceId )
				? reply.code( 204 ).send()
				: sendError( reply, 404, 'not_found', 'No such document' );
		}
	);

	app.get< { Querystring: ListingQuery } >(
		'/v1/knowledge/documents',
		options,
		async ( request, reply ) => {
			if ( request.query.source_id !== undefined ) {
				return lookUp( request, reply );
			}
			const { cursor, limit = String( DEFAULT_PAGE_SIZE ) } =
				request.query;
			const size = /^\d{1,4}$/.test( limit ) ? Number( limit ) : 0;
			if ( size < 1 || size > MAX_PAGE_SIZE ) {
				return sendError(
					reply,
					400,
					'invalid_request',
					`limit must be an integer from 1 to ${ MAX_PAGE_SIZE }`
				);
			}
			const after =
				cursor === undefined
					? undefined
					: Buffer.from( cursor, 'base64url' ).toString( 'utf8' );
			if ( after !== undefined && ! isSourceId( after ) ) {
				return sendError(
					reply,
					400,
					'invalid_request',
					'cursor is not one this API gave'
				);
			}
			const page = state.knowledge.list(
				clientOf( request ),
				after,
				size
			);
			const last = page.documents.at( -1 );
			return {
				data: page.documents.map( summarize ),
				has_more: page.more,
				next_cursor:
					page.more && last ? cursorOf( last.source_id ) : null,
			};
		}
	);

	// The first version of the route: the server picks the id. Kept for older clients.
	app.post( '/v1/knowledge/documents', options, async ( request, reply ) => {
		const body = request.body as Record< string, unknown > | undefined;
		if (
			typeof body?.title !== 'string' ||
			typeof body.content !== 'string' ||
			body.title === ''
		) {
			return sendError(
				reply,
				422,
				'invalid_document',
				'A document needs a non-empty title and a content string'
			);
		}
		const clientId = clientOf( request );
		if ( state.knowledge.held( clientId ) + 1 > state.knowledge.quota ) {
			return quotaExceeded( reply, state, clientId );
		}
		const fields: DocumentFields = {
			title: body.title,
			content: body.content,
			terms: [],
			content_hash: sha256( body.content ),
			...( typeof body.url === 'string' ? { url: body.url } : {} ),
		};
		const { document } = state.knowledge.upsert(
			clientId,
			`doc_${ randomUUID() }`,
			fields
		);
		return reply.code( 201 ).send( {
			id: document.source_id,
			title: document.title,
			content: document.content,
			createdAt: document.created_at,
			...( document.url === undefined ? {} : { url: document.url } ),
		} );
	} );

	registerBatchRoute( app, state, options, clientOf );
}
