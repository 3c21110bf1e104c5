import type { FastifyInstance } from 'fastify';

import type { SandboxState } from '../state';

/**
 * The chat side's control routes: how many conversations and leads are held, and clearing them (the widget's
 * origins stay). Listing cursors given before a clear stay valid: numbering goes on.
 */
export function registerConversationControlRoutes(
	control: FastifyInstance,
	state: SandboxState
): void {
	const describe = () => ( {
		...state.conversations.count(),
		origins: Object.fromEntries(
			state.clients
				.all()
				.map( ( client ): [ string, string[] ] => [
					client.id,
					state.widget.originsOf( client.id ),
				] )
				.filter( ( [ , origins ] ) => origins.length > 0 )
		),
	} );

	control.get( '/conversations', async () => describe() );

	control.delete( '/conversations', async () => {
		state.conversations.clear();
		return describe();
	} );
}
