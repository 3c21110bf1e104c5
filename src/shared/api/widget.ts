/**
 * The chatbot's settings and the search for the pages without it.
 */
import apiFetch from '@wordpress/api-fetch';

import { REST_NAMESPACE } from './rest';

import type { FoundPost, WidgetSettings, WidgetStatus } from '../types';

export const WIDGET_PATH = `${ REST_NAMESPACE }/widget`;
export const SEARCH_PATH = '/wp/v2/search';

/** The chatbot's settings, the bot it shows, and whether visitors see it. */
export function fetchWidget(): Promise< WidgetStatus > {
	return apiFetch< WidgetStatus >( { path: WIDGET_PATH } );
}

/**
 * Saves the chatbot's settings. Turning it on registers the site with Causerie first: when Causerie refuses,
 * the answer is a diagnosis error and nothing stored changes.
 *
 * @param settings Only the settings to change.
 */
export function saveWidget(
	settings: Partial< WidgetSettings >
): Promise< WidgetStatus > {
	return apiFetch< WidgetStatus >( {
		path: WIDGET_PATH,
		method: 'PUT',
		data: { settings },
	} );
}

/**
 * Posts of any public type whose title or content matches, for the list of pages without the chatbot.
 *
 * @param search What the owner typed.
 */
export function searchPosts( search: string ): Promise< FoundPost[] > {
	const params = new URLSearchParams( {
		search,
		type: 'post',
		per_page: '10',
		_fields: 'id,title',
	} );
	return apiFetch< FoundPost[] >( {
		path: `${ SEARCH_PATH }?${ params.toString() }`,
	} );
}
