import { __ } from '@wordpress/i18n';

import type { ConversationSource } from '../shared/types';

// The addresses come from the API: only web links become links, never a javascript: one in the admin.
const WEB_LINK = /^https?:\/\//i;

/**
 * The pages the bot quoted, as links; a source without a web address is its title alone.
 *
 * @param props         Component props.
 * @param props.sources The sources, in the order first quoted.
 */
export function Sources( { sources }: { sources: ConversationSource[] } ) {
	if ( sources.length === 0 ) {
		return <>{ __( 'None', 'causerie-connector' ) }</>;
	}
	return (
		<ul className="causerie-sources">
			{ sources.map( ( source, index ) => (
				<li key={ `${ index }-${ source.url ?? source.title }` }>
					{ source.url && WEB_LINK.test( source.url ) ? (
						<a href={ source.url }>{ source.title }</a>
					) : (
						source.title
					) }
				</li>
			) ) }
		</ul>
	);
}
