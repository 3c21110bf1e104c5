import { call, type Json } from './helpers';

export const SITE_ORIGIN = 'https://shop.example.test';
const JSON_TYPE = { 'content-type': 'application/json' };

export async function sendJson(
	base: string,
	method: string,
	path: string,
	token: string | undefined,
	body?: unknown,
	headers: Record< string, string > = {}
): Promise< Response > {
	return call( base, path, token, {
		method,
		headers: { ...( body === undefined ? {} : JSON_TYPE ), ...headers },
		...( body === undefined ? {} : { body: JSON.stringify( body ) } ),
	} );
}

/** Syncs one page into the client's knowledge base, as the plugin does. */
export async function syncPage(
	base: string,
	token: string,
	sourceId: string,
	page: { title: string; url: string; content: string; terms?: string[] }
): Promise< void > {
	const response = await sendJson(
		base,
		'PUT',
		`/v1/knowledge/documents/${ sourceId }`,
		token,
		{
			language: 'en',
			modified: '2026-11-30T10:00:00Z',
			...page,
		}
	);
	if ( response.status !== 201 ) {
		throw new Error( `sync failed: ${ response.status }` );
	}
}

export async function registerOrigin(
	base: string,
	token: string,
	origin: string
): Promise< Response > {
	return sendJson(
		base,
		'PUT',
		`/v1/widget/origins/${ encodeURIComponent( origin ) }`,
		token
	);
}

export async function widgetConfig( base: string, token: string ) {
	return ( await ( await call( base, '/v1/widget', token ) ).json() ) as {
		bot_id: string;
		chat_url: string;
		script_url: string;
		origins: string[];
	} & Json;
}

/** A visitor's message, from a page on `origin`. */
export async function ask(
	chatUrl: string,
	botId: string,
	text: string,
	options: { origin?: string; conversationId?: string | undefined } = {}
): Promise< Response > {
	return fetch( `${ chatUrl }/bots/${ botId }/messages`, {
		method: 'POST',
		headers: {
			...JSON_TYPE,
			...( options.origin ? { origin: options.origin } : {} ),
		},
		body: JSON.stringify( {
			text,
			...( options.conversationId
				? { conversationId: options.conversationId }
				: {} ),
		} ),
	} );
}
