/**
 * Conversations, leads and the week's activity.
 */
import apiFetch from '@wordpress/api-fetch';

import { REST_NAMESPACE, toRestError } from './rest';

import type {
	Activity,
	ConversationDetail,
	ConversationPage,
	LeadNotifications,
	LeadPage,
} from '../types';

export const CONVERSATIONS_PATH = `${ REST_NAMESPACE }/conversations`;
export const LEADS_PATH = `${ REST_NAMESPACE }/leads`;
export const LEAD_NOTIFICATIONS_PATH = `${ LEADS_PATH }/notifications`;

/** The REST code of a conversation or lead read refused for want of the read:conversations scope. */
export const MISSING_SCOPE_CODE = 'causerie_missing_scope';

function pagePath( path: string, cursor: string | null, limit?: number ) {
	const params = new URLSearchParams();
	if ( cursor !== null ) {
		params.set( 'cursor', cursor );
	}
	if ( limit !== undefined ) {
		params.set( 'limit', String( limit ) );
	}
	const search = params.toString();
	return search ? `${ path }?${ search }` : path;
}

/**
 * One page of conversations, newest first.
 *
 * @param cursor The previous page's nextCursor; null for the first page.
 * @param limit  1 to 100; the server's default when omitted.
 */
export function fetchConversations(
	cursor: string | null = null,
	limit?: number
): Promise< ConversationPage > {
	return apiFetch< ConversationPage >( {
		path: pagePath( CONVERSATIONS_PATH, cursor, limit ),
	} );
}

/**
 * A conversation with its messages and the contact its visitor left.
 *
 * @param id The conversation's id.
 */
export function fetchConversation( id: string ): Promise< ConversationDetail > {
	return apiFetch< ConversationDetail >( {
		path: `${ CONVERSATIONS_PATH }/${ encodeURIComponent( id ) }`,
	} );
}

/**
 * One page of leads, oldest first.
 *
 * @param cursor The previous page's nextCursor; null for the first page.
 * @param limit  1 to 100; the server's default when omitted.
 */
export function fetchLeads(
	cursor: string | null = null,
	limit?: number
): Promise< LeadPage > {
	return apiFetch< LeadPage >( {
		path: pagePath( LEADS_PATH, cursor, limit ),
	} );
}

export function fetchLeadNotifications(): Promise< LeadNotifications > {
	return apiFetch< LeadNotifications >( { path: LEAD_NOTIFICATIONS_PATH } );
}

/**
 * Chooses whether and where an email goes for new leads.
 *
 * @param settings The mode and the address.
 */
export function saveLeadNotifications(
	settings: LeadNotifications
): Promise< LeadNotifications > {
	return apiFetch< LeadNotifications >( {
		path: LEAD_NOTIFICATIONS_PATH,
		method: 'PUT',
		data: settings,
	} );
}

export const ACTIVITY_PATH = `${ REST_NAMESPACE }/activity`;

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * This week's conversations and leads. A WordPress without the route (404) answers "unavailable" rather than
 * an error: the overview then says the numbers are not available, as it does for the route's own reason.
 */
export async function fetchActivity(): Promise< Activity > {
	try {
		return await apiFetch< Activity >( { path: ACTIVITY_PATH } );
	} catch ( reason ) {
		if ( toRestError( reason ).data?.status !== 404 ) {
			throw reason;
		}
		return {
			conversations: null,
			leads: null,
			since: new Date( Date.now() - WEEK_MS ).toISOString(),
			refreshedAt: null,
			reason: 'unavailable',
		};
	}
}
