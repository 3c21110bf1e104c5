/**
 * What the knowledge base starts with: the post types the owner ticks, with how many posts each sends.
 */
import { _n, sprintf } from '@wordpress/i18n';

import type { SyncPostType } from '../shared/types';

/** Sync\Content_Selection's defaults: posts and pages. */
export const DEFAULT_TYPES: readonly string[] = [ 'post', 'page' ];

/**
 * The types ticked at first: those already chosen on the server, else the defaults this site has.
 *
 * @param postTypes The public post types, with their counts.
 */
export function initialChoice( postTypes: SyncPostType[] ): string[] {
	const chosen = postTypes.filter( ( type ) => type.chosen );
	const picked =
		chosen.length > 0
			? chosen
			: postTypes.filter( ( type ) =>
					DEFAULT_TYPES.includes( type.name )
				);
	return picked.map( ( type ) => type.name );
}

/**
 * How many posts the chosen types send.
 *
 * @param postTypes The public post types, with their counts.
 * @param chosen    The names ticked.
 */
export function chosenCount(
	postTypes: SyncPostType[],
	chosen: string[]
): number {
	return postTypes
		.filter( ( type ) => chosen.includes( type.name ) )
		.reduce( ( total, type ) => total + type.count, 0 );
}

/**
 * A type's checkbox label: "Pages (3 published)".
 *
 * @param type A post type.
 */
export function typeLabel( type: SyncPostType ): string {
	return sprintf(
		/* translators: 1: a kind of content, such as Pages, 2: how many of them are published */
		_n(
			'%1$s (%2$d published)',
			'%1$s (%2$d published)',
			type.count,
			'causerie-connector'
		),
		type.label,
		type.count
	);
}
