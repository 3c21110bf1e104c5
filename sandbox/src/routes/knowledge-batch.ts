import type {
	FastifyInstance,
	FastifyRequest,
	RouteShorthandOptions,
} from 'fastify';

import { summarize, type DocumentFields } from '../knowledge';
import { isSourceId, parseDocument } from '../knowledge-documents';
import { MAX_BATCH_BODY_BYTES, MAX_BATCH_ITEMS } from '../knowledge-limits';
import type { SandboxState } from '../state';
import { quotaExceeded, sendError, tooLargeHandler } from './knowledge';

/** One item, checked: what to do, or why it is refused. */
type Plan =
	| { kind: 'upsert'; sourceId: string; fields: DocumentFields }
	| { kind: 'delete'; sourceId: string }
	| {
			kind: 'error';
			op: unknown;
			sourceId: unknown;
			error: string;
			description: string;
	  };

const OPS = [ 'upsert', 'delete' ] as const;

function plan( item: unknown ): Plan {
	const fields =
		typeof item === 'object' && item !== null && ! Array.isArray( item )
			? ( item as Record< string, unknown > )
			: {};
	const { op, source_id: sourceId } = fields;
	const refuse = ( error: string, description: string ): Plan => ( {
		kind: 'error',
		op: op ?? null,
		sourceId: sourceId ?? null,
		error,
		description,
	} );
	if ( op !== 'upsert' && op !== 'delete' ) {
		return refuse(
			'invalid_item',
			`An item is {"op": "${ OPS.join( '"|"' ) }", "source_id", "document"}`
		);
	}
	if ( ! isSourceId( sourceId ) ) {
		return refuse(
			'invalid_source_id',
			'A source id is 1 to 200 of [A-Za-z0-9._:~-], starting with a letter or digit'
		);
	}
	if ( op === 'delete' ) {
		return { kind: 'delete', sourceId };
	}
	const parsed = parseDocument( fields.document );
	return parsed.ok
		? { kind: 'upsert', sourceId, fields: parsed.input }
		: refuse( parsed.error, parsed.description );
}

/** The documents a client would hold after the batch, and whether it creates any. */
function heldAfter(
	state: SandboxState,
	clientId: string,
	plans: Plan[]
): { held: number; creates: boolean } {
	const present = new Map< string, boolean >();
	let held = state.knowledge.held( clientId );
	let creates = false;
	for ( const step of plans ) {
		if ( step.kind === 'error' ) {
			continue;
		}
		const exists =
			present.get( step.sourceId ) ??
			state.knowledge.has( clientId, step.sourceId );
		if ( step.kind === 'upsert' && ! exists ) {
			held += 1;
			creates = true;
		}
		if ( step.kind === 'delete' && exists ) {
			held -= 1;
		}
		present.set( step.sourceId, step.kind === 'upsert' );
	}
	return { held, creates };
}

function apply(
	state: SandboxState,
	clientId: string,
	step: Plan,
	index: number
): Record< string, unknown > {
	if ( step.kind === 'error' ) {
		return {
			index,
			op: step.op,
			source_id: step.sourceId,
			status: 'error',
			error: step.error,
			error_description: step.description,
		};
	}
	if ( step.kind === 'delete' ) {
		const deleted = state.knowledge.remove( clientId, step.sourceId );
		return {
			index,
			op: 'delete',
			source_id: step.sourceId,
			status: 'ok',
			result: deleted ? 'deleted' : 'not_found',
		};
	}
	const { result, document } = state.knowledge.upsert(
		clientId,
		step.sourceId,
		step.fields
	);
	return {
		index,
		op: 'upsert',
		source_id: step.sourceId,
		status: 'ok',
		result,
		document: summarize( document ),
	};
}

/**
 * Up to MAX_BATCH_ITEMS upserts and deletes, applied in order, each with its own result. Only the
 * request's checks (token, scope, rate, size, quota) fail it whole; then nothing is applied.
 */
export function registerBatchRoute(
	app: FastifyInstance,
	state: SandboxState,
	options: RouteShorthandOptions,
	clientOf: ( request: FastifyRequest ) => string
): void {
	app.post(
		'/v1/knowledge/batch',
		{
			...options,
			bodyLimit: MAX_BATCH_BODY_BYTES,
			errorHandler: tooLargeHandler(
				'batch_too_large',
				`The request body is over ${ MAX_BATCH_BODY_BYTES } bytes`
			),
		},
		async ( request, reply ) => {
			const body = request.body as { items?: unknown } | undefined;
			if ( ! Array.isArray( body?.items ) ) {
				return sendError(
					reply,
					400,
					'invalid_request',
					'A batch is {"items": [...]}'
				);
			}
			if ( body.items.length > MAX_BATCH_ITEMS ) {
				return sendError(
					reply,
					413,
					'batch_too_large',
					`A batch holds at most ${ MAX_BATCH_ITEMS } items`
				);
			}
			const clientId = clientOf( request );
			const plans = body.items.map( plan );
			const after = heldAfter( state, clientId, plans );
			if ( after.creates && after.held > state.knowledge.quota ) {
				return quotaExceeded( reply, state, clientId );
			}
			const results = plans.map( ( step, index ) =>
				apply( state, clientId, step, index )
			);
			return { results };
		}
	);
}
