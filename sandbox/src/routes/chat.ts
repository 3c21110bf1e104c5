import { readFileSync } from 'node:fs';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { answer } from '../bot-answers';
import {
	findContactDetails,
	isEmail,
	isPhone,
	type ContactDetails,
} from '../contact-details';
import type { Conversation } from '../conversations';
import type { SandboxState } from '../state';
import { sendError } from './knowledge';
import { CHAT_PATH, WIDGET_SCRIPT_PATH } from './widget';

const SCRIPT = readFileSync(
	new URL( '../../widget/widget.js', import.meta.url ),
	'utf8'
);

/** Longest visitor message, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

const BOT = `${ CHAT_PATH }/bots/:botId`;
const MESSAGES = `${ BOT }/messages`;
const LEAD = `${ BOT }/conversations/:conversationId/lead`;

interface BotParams {
	botId: string;
	conversationId?: string;
}

/** The thank-you for contact details: the bot does not search the pages for an email address. */
function thanks( details: ContactDetails ): string {
	const where = [ details.email, details.phone ]
		.filter( Boolean )
		.join( ' or ' );
	return `Thank you! Someone from the team will get back to you at ${ where }.`;
}

/**
 * Causerie's CDN and chat backend, as a visitor's browser reaches them: public, by bot id, with no token.
 * Only the origins registered for the bot may call the chat service (CORS, and a 403 for the others).
 */
export function registerChatRoutes(
	app: FastifyInstance,
	state: SandboxState
): void {
	app.get( WIDGET_SCRIPT_PATH, async ( _request, reply ) =>
		reply
			.type( 'text/javascript; charset=utf-8' )
			.header( 'cache-control', 'public, max-age=300' )
			.send( SCRIPT )
	);

	/** The bot's client, when the request's origin may call it; else the refusal is sent. */
	const admit = (
		request: FastifyRequest< { Params: BotParams } >,
		reply: FastifyReply
	): { clientId: string; origin: string } | undefined => {
		reply.header( 'vary', 'Origin' );
		const clientId = state.widget.clientOf( request.params.botId );
		if ( clientId === undefined ) {
			sendError( reply, 404, 'unknown_bot', 'No such bot' );
			return undefined;
		}
		const origin = request.headers.origin;
		if (
			origin === undefined ||
			! state.widget.allows( clientId, origin )
		) {
			sendError(
				reply,
				403,
				'origin_not_allowed',
				`The origin ${ origin ?? '(none)' } is not registered for this bot`
			);
			return undefined;
		}
		reply.header( 'access-control-allow-origin', origin );
		return { clientId, origin };
	};

	const preflight = async (
		request: FastifyRequest< { Params: BotParams } >,
		reply: FastifyReply
	) => {
		if ( ! admit( request, reply ) ) {
			return reply;
		}
		return reply
			.code( 204 )
			.header( 'access-control-allow-methods', 'POST' )
			.header( 'access-control-allow-headers', 'content-type' )
			.header( 'access-control-max-age', '600' )
			.send();
	};
	app.options( MESSAGES, preflight );
	app.options( LEAD, preflight );

	const bodyOf = ( request: FastifyRequest ) =>
		typeof request.body === 'object' &&
		request.body !== null &&
		! Array.isArray( request.body )
			? ( request.body as Record< string, unknown > )
			: undefined;

	const conversationFor = (
		clientId: string,
		id: unknown
	): Conversation | undefined =>
		typeof id === 'string'
			? state.conversations.get( clientId, id )
			: undefined;

	app.post< { Params: BotParams } >( MESSAGES, async ( request, reply ) => {
		const admitted = admit( request, reply );
		if ( ! admitted ) {
			return reply;
		}
		const body = bodyOf( request );
		const text = typeof body?.text === 'string' ? body.text.trim() : '';
		if ( text === '' || text.length > MAX_MESSAGE_LENGTH ) {
			return sendError(
				reply,
				422,
				'invalid_message',
				`text must be 1 to ${ MAX_MESSAGE_LENGTH } characters`
			);
		}
		const { clientId, origin } = admitted;
		const existing = conversationFor( clientId, body?.conversationId );
		if ( body?.conversationId !== undefined && ! existing ) {
			return sendError(
				reply,
				404,
				'conversation_not_found',
				'No such conversation; start a new one without conversationId'
			);
		}
		const current =
			existing ?? state.conversations.start( clientId, origin );
		const details = findContactDetails( text );
		const captured = state.conversations.capture( current, details );
		if ( captured?.created ) {
			state.counters.countLead( clientId );
		}
		const answered = state.conversations.exchange(
			current,
			text,
			captured
				? { text: thanks( details ), sources: [] }
				: answer( text, state.knowledge.documents( clientId ) )
		);
		state.counters.countChatMessage( clientId );
		return {
			conversationId: current.id,
			message: {
				id: answered.id,
				text: answered.text,
				sources: answered.sources.map( ( { title, url } ) => ( {
					title,
					url,
				} ) ),
			},
			leadCaptured: captured !== undefined,
		};
	} );

	app.post< { Params: BotParams } >( LEAD, async ( request, reply ) => {
		const admitted = admit( request, reply );
		if ( ! admitted ) {
			return reply;
		}
		const conversation = conversationFor(
			admitted.clientId,
			request.params.conversationId
		);
		if ( ! conversation ) {
			return sendError(
				reply,
				404,
				'conversation_not_found',
				'No such conversation'
			);
		}
		const body = bodyOf( request );
		const email = typeof body?.email === 'string' ? body.email.trim() : '';
		const phone = typeof body?.phone === 'string' ? body.phone.trim() : '';
		if (
			( email === '' && phone === '' ) ||
			( email !== '' && ! isEmail( email ) ) ||
			( phone !== '' && ! isPhone( phone ) )
		) {
			return sendError(
				reply,
				422,
				'invalid_contact',
				'Send a valid email, a valid phone number (8 to 15 digits), or both'
			);
		}
		const captured = state.conversations.capture( conversation, {
			email: email === '' ? null : email.toLowerCase(),
			phone: phone === '' ? null : phone,
		} );
		if ( captured?.created ) {
			state.counters.countLead( admitted.clientId );
		}
		return reply.code( captured?.created ? 201 : 200 ).send( {
			leadId: captured?.lead.id,
			conversationId: conversation.id,
		} );
	} );
}
