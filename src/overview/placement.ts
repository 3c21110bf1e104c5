import { __, _n, sprintf } from '@wordpress/i18n';

import type { WidgetStatus } from '../shared/types';

/**
 * Where the chatbot shows by itself, in a sentence: the placement rule as the Chatbot tab's choices say it.
 *
 * @param widget The widget's settings and the site's post types.
 */
export function placementInWords( widget: WidgetStatus ): string {
	const { placement, types, exclude } = widget.settings;
	switch ( placement ) {
		case 'everywhere':
			return __( 'It shows on every page.', 'causerie-connector' );
		case 'except':
			return exclude.length === 0
				? __( 'It shows on every page.', 'causerie-connector' )
				: sprintf(
						/* translators: %d: how many pages are left out. */
						_n(
							'It shows on every page but %d.',
							'It shows on every page but %d.',
							exclude.length,
							'causerie-connector'
						),
						exclude.length
					);
		case 'types': {
			const labels = widget.postTypes
				.filter( ( type ) => types.includes( type.name ) )
				.map( ( type ) => type.label );
			return labels.length === 0
				? __(
						'No kind of content is chosen, so it shows on no page by itself.',
						'causerie-connector'
					)
				: sprintf(
						/* translators: %s: kinds of content, such as "Pages, Products". */
						__( 'It shows on: %s.', 'causerie-connector' ),
						labels.join( ', ' )
					);
		}
		default:
			return __(
				'It shows only where you add the Chatbot block or shortcode.',
				'causerie-connector'
			);
	}
}
