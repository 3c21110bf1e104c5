import type { FastifyInstance, FastifyReply } from 'fastify';

import type { Source } from '../bot-answers';
import type { Conversation, Lead } from '../conversations';
import type { Scope } from '../scopes';
import type { SandboxState } from '../state';
import { scoped, sendError, type Guard } from './knowledge';
import { cursorOf, parsePage, parseSince } from './paging';

export const CONVERSATIONS_SCOPE: Scope = 'read:conversations';

interface PageQuery {
	cursor?: string;
	limit?: string;
	since?: string;
}

/** The pages the bot quoted in a conversation, each once, in the order first quoted. */
function quotedSources( conversation: Conversation ): Source[] {
	const seen = new Map< string, Source >();
	for ( const message of conversation.messages ) {
		for ( const source of message.sources ) {
			if ( ! seen.has( source.source_id ) ) {
				seen.set( source.source_id, source );
			}
		}
	}
	return [ ...seen.values() ];
}

function summary( conversation: Conversation ) {
	return {
		id: conversation.id,
		started_at: conversation.started_at,
		// A count, as in the first version of this route; the messages themselves are on the conversation's own route.
		messages: conversation.messages.length,
		first_question:
			conversation.messages.find( ( each ) => each.role === 'visitor' )
				?.text ?? null,
		lead: conversation.lead !== null,
		origin: conversation.origin,
		sources: quotedSources( conversation ),
	};
}

function leadOf( lead: Lead ) {
	return {
		id: lead.id,
		conversation_id: lead.conversation_id,
		email: lead.email,
		phone: lead.phone,
		captured_at: lead.captured_at,
		origin: lead.origin,
	};
}

/**
 * With `since`, a listing also says how many items the filter matches across all its pages, so one request of
 * `limit=1` counts a week; without it the answer keeps the first version's shape.
 */
function totalSince(
	since: number | undefined,
	count: () => number
): { total?: number } {
	return since === undefined ? {} : { total: count() };
}

/** What a visitor asked and left, for the site owner: read:conversations. */
export function registerConversationRoutes(
	app: FastifyInstance,
	state: SandboxState,
	guard: Guard
): void {
	const { options, clientOf } = scoped( guard, CONVERSATIONS_SCOPE );
	const badQuery = ( reply: FastifyReply, description: string ) =>
		sendError( reply, 400, 'invalid_request', description );

	// Newest first; next_cursor is null on the last page.
	app.get< { Querystring: PageQuery } >(
		'/v1/conversations',
		options,
		async ( request, reply ) => {
			const paging = parsePage( 'c', request.query );
			if ( ! paging.ok ) {
				return badQuery( reply, paging.description );
			}
			const since = parseSince( request.query.since );
			if ( ! since.ok ) {
				return badQuery( reply, since.description );
			}
			const client = clientOf( request );
			const page = state.conversations.listConversations(
				client,
				paging.value.cursor,
				paging.value.limit,
				since.value
			);
			const last = page.items.at( -1 );
			return {
				data: page.items.map( summary ),
				has_more: page.more,
				next_cursor:
					page.more && last ? cursorOf( 'c', last.seq ) : null,
				...totalSince( since.value, () =>
					state.conversations.countConversations(
						client,
						since.value
					)
				),
			};
		}
	);

	app.get< { Params: { id: string } } >(
		'/v1/conversations/:id',
		options,
		async ( request, reply ) => {
			const conversation = state.conversations.get(
				clientOf( request ),
				request.params.id
			);
			if ( ! conversation ) {
				return sendError(
					reply,
					404,
					'not_found',
					'No such conversation'
				);
			}
			return {
				...summary( conversation ),
				transcript: conversation.messages,
				contact: conversation.lead && leadOf( conversation.lead ),
			};
		}
	);

	// Oldest first, after the cursor; next_cursor is never null, so a poller always has a place to keep.
	app.get< { Querystring: PageQuery } >(
		'/v1/leads',
		options,
		async ( request, reply ) => {
			const paging = parsePage( 'l', request.query );
			if ( ! paging.ok ) {
				return badQuery( reply, paging.description );
			}
			const since = parseSince( request.query.since );
			if ( ! since.ok ) {
				return badQuery( reply, since.description );
			}
			const client = clientOf( request );
			const after = paging.value.cursor ?? 0;
			const page = state.conversations.listLeads(
				client,
				after,
				paging.value.limit,
				since.value
			);
			return {
				data: page.items.map( leadOf ),
				has_more: page.more,
				next_cursor: cursorOf( 'l', page.items.at( -1 )?.seq ?? after ),
				...totalSince( since.value, () =>
					state.conversations.countLeads( client, since.value )
				),
			};
		}
	);
}
