/**
 * Turns the chat widget on for a spec, against the site's own sandbox: its origin registered for the bot, the
 * bot's description fetched, and both stored as the Widget screen stores them (bin/wp/widget-on.php).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { expect, request as playwrightRequest } from '@playwright/test';

import { CLIENT, control } from './connection';
import { SITES } from './sites';

const ROOT = path.resolve( __dirname, '../..' );

/** The widget's settings, as Widget_Options keeps them; what is left out takes its default. */
export interface WidgetSettings {
	enabled?: boolean;
	placement?: 'everywhere' | 'types' | 'except' | 'manual';
	types?: string[];
	exclude?: number[];
	consent?: 'none' | 'signal';
}

/**
 * The E2E site's directory, from its address.
 *
 * @param baseURL The site's address.
 */
export function siteDirOf( baseURL: string ): string {
	const site = SITES.find( ( entry ) => entry.url === baseURL );
	return path.join( ROOT, '.cache/sites', `e2e-${ site?.suite ?? 'sid' }` );
}

/**
 * Shows the widget on the site, with the settings given.
 *
 * @param baseURL    The site's address.
 * @param sandboxURL Its sandbox API.
 * @param settings   The owner's choices over the defaults (on, everywhere).
 * @return The bot's public id.
 */
export async function showWidget(
	baseURL: string,
	sandboxURL: string,
	settings: WidgetSettings = {}
): Promise< string > {
	const { access_token: token } = await control(
		sandboxURL,
		'POST',
		'/tokens',
		{ clientId: CLIENT.id }
	);
	const api = await playwrightRequest.newContext( {
		baseURL: sandboxURL,
		extraHTTPHeaders: { Authorization: `Bearer ${ String( token ) }` },
	} );
	try {
		const origin = new URL( baseURL ).origin;
		const registered = await api.put(
			`/v1/widget/origins/${ encodeURIComponent( origin ) }`
		);
		expect( registered.ok() ).toBe( true );
		const widget = await api.get( '/v1/widget' );
		expect( widget.ok() ).toBe( true );
		const bot = ( await widget.json() ) as {
			bot_id: string;
			script_url: string;
			chat_url: string;
			greeting: string;
			theme: { color: string; text_color: string; position: string };
		};
		execFileSync(
			'php',
			[
				path.join( ROOT, 'bin/wp/widget-on.php' ),
				JSON.stringify( {
					settings: { enabled: true, ...settings },
					bot: {
						botId: bot.bot_id,
						scriptUrl: bot.script_url,
						chatUrl: bot.chat_url,
						greeting: bot.greeting,
						color: bot.theme.color,
						textColor: bot.theme.text_color,
						position: bot.theme.position,
						origin,
						fetchedAt: Math.floor( Date.now() / 1000 ),
					},
				} ),
			],
			{
				cwd: siteDirOf( baseURL ),
				env: { ...process.env, WP_URL: baseURL },
			}
		);
		return bot.bot_id;
	} finally {
		await api.dispose();
	}
}
