import { createHash } from 'node:crypto';

import type { ClientStore } from './clients';

/** The widget's look, as Causerie's dashboard would set it; the same for every sandbox bot. */
export const WIDGET_DEFAULTS = {
	greeting: 'Bonjour ! How can I help?',
	theme: {
		color: '#2271b1',
		text_color: '#ffffff',
		position: 'bottom-right',
	},
} as const;

/**
 * The public side of each client's chatbot: its bot id and the site origins allowed to embed it. The bot id is
 * derived from the client id by a hash, so it is stable but never reveals the client id in a page.
 */
export class WidgetBots {
	/** clientId → registered origins, in the order registered. */
	private readonly origins = new Map< string, string[] >();

	constructor( private readonly clients: ClientStore ) {}

	static botIdOf( clientId: string ): string {
		return (
			'bot_' +
			createHash( 'sha256' )
				.update( `causerie-bot:${ clientId }` )
				.digest( 'hex' )
				.slice( 0, 20 )
		);
	}

	/** The client whose bot this is, if any client has it. */
	clientOf( botId: string ): string | undefined {
		return this.clients
			.all()
			.find( ( client ) => WidgetBots.botIdOf( client.id ) === botId )
			?.id;
	}

	originsOf( clientId: string ): string[] {
		return [ ...( this.origins.get( clientId ) ?? [] ) ];
	}

	allows( clientId: string, origin: string ): boolean {
		return this.origins.get( clientId )?.includes( origin ) ?? false;
	}

	/** Whether it was added; registering one already there changes nothing. */
	add( clientId: string, origin: string ): boolean {
		const list = this.origins.get( clientId ) ?? [];
		if ( list.includes( origin ) ) {
			return false;
		}
		this.origins.set( clientId, [ ...list, origin ] );
		return true;
	}

	/** Whether it was there. */
	remove( clientId: string, origin: string ): boolean {
		const list = this.origins.get( clientId ) ?? [];
		this.origins.set(
			clientId,
			list.filter( ( each ) => each !== origin )
		);
		return list.includes( origin );
	}

	clear(): void {
		this.origins.clear();
	}
}
