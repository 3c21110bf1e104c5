/**
 * The permissions (scopes) the plugin can ask Causerie for, in the owner's words. The identifiers and which
 * ones are required come from the same file as the PHP side (includes/Credentials/scopes.json, written from
 * Scopes.php); the words live here, where the admin app's translations are. tsc checks that every scope has
 * its words.
 */
import { __ } from '@wordpress/i18n';

import list from '../../includes/Credentials/scopes.json';

export type ScopeId = keyof typeof list.scopes;

/** Every scope, in the order the forms list them. */
export const SCOPES = Object.keys( list.scopes ) as ScopeId[];

/** What the chat widget and the knowledge sync need; asked for by default. */
export const REQUIRED_SCOPES: readonly ScopeId[] = SCOPES.filter(
	( id ) => list.scopes[ id ].required
);

/** What the guided first run asks for: every scope, as Scopes::ALL says, so each card of the overview works after it. */
export const FIRST_RUN_SCOPES: readonly ScopeId[] = SCOPES;

/** The scope each feature needs, by its Scopes:: name on the server; tsc checks each is in scopes.json. */
export const WIDGET_SCOPE: ScopeId = 'read:widget';
export const KNOWLEDGE_SCOPE: ScopeId = 'write:knowledge';
export const CONVERSATIONS_SCOPE: ScopeId = 'read:conversations';

export function isScopeId( value: string ): value is ScopeId {
	return Object.prototype.hasOwnProperty.call( list.scopes, value );
}

/** Called each time, so the words follow the language loaded when they are shown. */
function words(): Record< ScopeId, { label: string; help: string } > {
	return {
		'read:widget': {
			label: __( 'Show the chat widget', 'causerie-connector' ),
			help: __(
				'Needed to show the chatbot to the site’s visitors.',
				'causerie-connector'
			),
		},
		'write:knowledge': {
			label: __( 'Update the chatbot’s knowledge', 'causerie-connector' ),
			help: __(
				'Needed to send the site’s pages to the chatbot, so it can answer from them.',
				'causerie-connector'
			),
		},
		'read:conversations': {
			label: __( 'Read conversations', 'causerie-connector' ),
			help: __(
				'Optional: lets this screen show what visitors asked, and the leads they left.',
				'causerie-connector'
			),
		},
	};
}

/**
 * What a scope allows, such as "Show the chat widget". A scope this build does not know (a newer server)
 * keeps its identifier, the only name there is for it.
 *
 * @param id A scope identifier, such as read:widget.
 */
export function scopeLabel( id: string ): string {
	return isScopeId( id ) ? words()[ id ].label : id;
}

/**
 * Why the plugin asks for a scope; empty for a scope this build does not know.
 *
 * @param id A scope identifier, such as read:widget.
 */
export function scopeHelp( id: string ): string {
	return isScopeId( id ) ? words()[ id ].help : '';
}
