import type { FastifyInstance } from 'fastify';

import { MAX_ORIGINS, parseOrigin } from '../origins';
import type { Scope } from '../scopes';
import type { SandboxState } from '../state';
import { WIDGET_DEFAULTS, WidgetBots } from '../widget-bots';
import { scoped, sendError, type Guard } from './knowledge';

/**
 * Registering origins needs read:widget, the scope of everything about the widget: a client that may show the
 * bot must be able to say where. An origin opens no data (the chat service answers from public pages), and a
 * new write scope would break every grant made so far.
 */
export const WIDGET_SCOPE: Scope = 'read:widget';

export const WIDGET_SCRIPT_PATH = '/widget/v1/widget.js';
export const CHAT_PATH = '/chat/v1';

/** The widget's configuration, and the site origins allowed to embed the bot. */
export function registerWidgetRoutes(
	app: FastifyInstance,
	state: SandboxState,
	guard: Guard
): void {
	const { options, clientOf } = scoped( guard, WIDGET_SCOPE );

	app.get( '/v1/widget', options, async ( request ) => {
		const clientId = clientOf( request );
		return {
			bot_id: WidgetBots.botIdOf( clientId ),
			greeting: WIDGET_DEFAULTS.greeting,
			theme: WIDGET_DEFAULTS.theme,
			script_url: state.apiUrl + WIDGET_SCRIPT_PATH,
			chat_url: state.apiUrl + CHAT_PATH,
			origins: state.widget.originsOf( clientId ),
			environment: guard.claimsOf( request ).environment,
		};
	} );

	app.put< { Params: { origin: string } } >(
		'/v1/widget/origins/:origin',
		options,
		async ( request, reply ) => {
			const parsed = parseOrigin( request.params.origin );
			if ( ! parsed.ok ) {
				return sendError(
					reply,
					400,
					'invalid_origin',
					parsed.description
				);
			}
			const clientId = clientOf( request );
			const known = state.widget.allows( clientId, parsed.origin );
			if (
				! known &&
				state.widget.originsOf( clientId ).length >= MAX_ORIGINS
			) {
				return sendError(
					reply,
					422,
					'too_many_origins',
					`A bot may have at most ${ MAX_ORIGINS } origins`
				);
			}
			state.widget.add( clientId, parsed.origin );
			return reply.code( known ? 200 : 201 ).send( {
				origin: parsed.origin,
				origins: state.widget.originsOf( clientId ),
			} );
		}
	);

	// Gone either way: removing an origin that was not there is done too.
	app.delete< { Params: { origin: string } } >(
		'/v1/widget/origins/:origin',
		options,
		async ( request, reply ) => {
			const parsed = parseOrigin( request.params.origin );
			if ( ! parsed.ok ) {
				return sendError(
					reply,
					400,
					'invalid_origin',
					parsed.description
				);
			}
			state.widget.remove( clientOf( request ), parsed.origin );
			return reply.code( 204 ).send();
		}
	);
}
