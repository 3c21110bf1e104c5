/**
 * Helpers for the specs that walk the guided first run on a fresh site.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { expect, type Page } from '@playwright/test';

import { heal, rest } from './connection';
import { siteDirOf } from './widget';

const ROOT = path.resolve( __dirname, '../..' );

/**
 * Forgets the credentials, the token, the chatbot and the content chosen, as on a fresh install.
 *
 * @param baseURL The site's address.
 */
export function freshSetup( baseURL: string ): void {
	execFileSync( 'php', [ path.join( ROOT, 'bin/wp/fresh-setup.php' ) ], {
		cwd: siteDirOf( baseURL ),
		env: { ...process.env, WP_URL: baseURL },
	} );
}

/**
 * The step's heading, which must hold the keyboard focus once the step opens.
 *
 * @param page  The screen.
 * @param title The step's heading.
 */
export async function expectStep( page: Page, title: string ): Promise< void > {
	const heading = page.getByRole( 'heading', { name: title, level: 3 } );
	await expect( heading ).toBeVisible( { timeout: 20_000 } );
	await expect( heading ).toBeFocused();
}

/**
 * Notes what a first run changes on the site (the chatbot switched on, the content chosen), for the spec to
 * put back once done.
 *
 * @param page       A page logged in as an administrator, on a healthy site.
 * @param sandboxURL The site's sandbox.
 * @return Puts the site back as the other specs expect it: connected, the chatbot and the content as they were.
 */
export async function keepSite(
	page: Page,
	sandboxURL: string
): Promise< () => Promise< void > > {
	const widgetBefore = await rest( page, 'GET', '/causerie/v1/widget' );
	const syncBefore = await rest( page, 'GET', '/causerie/v1/sync' );
	return async () => {
		await heal( page, sandboxURL );
		const settings = widgetBefore.body.settings as { enabled: boolean };
		await rest( page, 'PUT', '/causerie/v1/widget', {
			settings: { enabled: settings.enabled },
		} );
		const types = (
			syncBefore.body.postTypes as Array< {
				name: string;
				chosen: boolean;
			} >
		 )
			.filter( ( type ) => type.chosen )
			.map( ( type ) => type.name );
		await rest( page, 'PUT', '/causerie/v1/sync/types', {
			postTypes: types,
		} );
	};
}
