/**
 * Helpers for the specs that break the sandbox API and fix the connection through the screen.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	request as playwrightRequest,
	type Locator,
	type Page,
	type TestInfo,
} from '@playwright/test';

import { restNonce } from './fixtures';

export const SCREENSHOTS = path.resolve(
	__dirname,
	'../../artifacts/e2e/screenshots'
);

/** The seeded client the sites are connected with (sandbox/src/clients.ts). */
export const CLIENT = {
	id: 'wp-development',
	secret: 'sandbox-development-secret',
} as const;

/**
 * Calls the sandbox's control API.
 *
 * @param sandboxURL The sandbox.
 * @param method     HTTP method.
 * @param route      Path under /__sandbox.
 * @param body       JSON body.
 */
export async function control(
	sandboxURL: string,
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
	route: string,
	body?: object
): Promise< Record< string, unknown > > {
	const context = await playwrightRequest.newContext();
	try {
		const response = await context.fetch(
			`${ sandboxURL }/__sandbox${ route }`,
			{
				method,
				...( body === undefined ? {} : { data: body } ),
			}
		);
		expect( response.ok(), `${ method } ${ route }` ).toBe( true );
		const text = await response.text();
		return text === '' ? {} : JSON.parse( text );
	} finally {
		await context.dispose();
	}
}

/**
 * Calls one of the plugin's REST routes as the logged-in admin of the page.
 *
 * @param page   A page whose context is logged in.
 * @param method HTTP method.
 * @param route  Route under /wp-json.
 * @param data   JSON body.
 */
export async function rest(
	page: Page,
	method: 'GET' | 'POST' | 'PUT',
	route: string,
	data?: object
): Promise< { status: number; body: Record< string, unknown > } > {
	const nonce = await restNonce( page.request );
	const response = await page.request.fetch( `/wp-json${ route }`, {
		method,
		headers: { 'X-WP-Nonce': nonce, Accept: 'application/json' },
		...( data === undefined ? {} : { data } ),
	} );
	return { status: response.status(), body: await response.json() };
}

/**
 * Puts the sandbox back to its seeded state and the plugin back on its seeded client with a fresh
 * token, and proves the connection healthy, so each spec starts from green.
 *
 * @param page       A page logged in as an administrator.
 * @param sandboxURL The site's sandbox.
 */
export async function heal( page: Page, sandboxURL: string ): Promise< void > {
	await control( sandboxURL, 'POST', '/reset' );
	// A paused copy sends nothing, so saving could not verify: the binding comes first.
	await rest( page, 'POST', '/causerie/v1/binding', { action: 'rebind' } );
	const saved = await rest( page, 'POST', '/causerie/v1/settings', {
		clientId: CLIENT.id,
		clientSecret: CLIENT.secret,
		apiUrl: sandboxURL,
	} );
	expect( saved.status, JSON.stringify( saved.body ) ).toBe( 200 );
	const renewed = await rest( page, 'POST', '/causerie/v1/token/regenerate', {
		requestId: randomUUID(),
	} );
	expect( renewed.status, JSON.stringify( renewed.body ) ).toBe( 200 );
	await rest( page, 'POST', '/causerie/v1/checks' );
	const status = await rest( page, 'GET', '/causerie/v1/status' );
	expect( status.body.state, JSON.stringify( status.body ) ).toBe(
		'connected'
	);
}

/**
 * The title the server gives a diagnosis code, as the screen must show it.
 *
 * @param page A logged-in page.
 * @param code A diagnosis code.
 */
export async function titleOf( page: Page, code: string ): Promise< string > {
	const { body } = await rest( page, 'GET', '/causerie/v1/diagnoses' );
	const entry = body[ code ] as { title?: string } | undefined;
	expect( entry?.title, `a title for ${ code }` ).toBeTruthy();
	return entry?.title ?? '';
}

/**
 * Counts what a person does from the broken screen to the green one: clicks and pastes.
 */
export class Tally {
	clicks = 0;
	pastes = 0;

	constructor( private readonly page: Page ) {}

	async click( target: Locator ): Promise< void > {
		this.clicks += 1;
		await target.click();
	}

	/**
	 * Pastes through the clipboard, as a person does, so the page sees a real paste event.
	 *
	 * @param target The field.
	 * @param text   What is pasted.
	 */
	async paste( target: Locator, text: string ): Promise< void > {
		this.pastes += 1;
		await target.focus();
		await this.page.evaluate(
			( value ) => navigator.clipboard.writeText( value ),
			text
		);
		await target.press( 'ControlOrMeta+V' );
	}
}

/**
 * Records a spec's clicks and pastes for the reporter's table.
 *
 * @param info   The test's info.
 * @param cause  The cause fixed.
 * @param tally  What was counted.
 * @param target The target, as words.
 * @param notice Whether the admin notice named the cause on the first admin page after the break, for the specs
 *               that look.
 */
export function recordTally(
	info: TestInfo,
	cause: string,
	tally: Tally,
	target: string,
	notice?: 'yes' | 'none (healed)'
): void {
	info.annotations.push( {
		type: 'clicks',
		description: JSON.stringify( {
			cause,
			clicks: tally.clicks,
			pastes: tally.pastes,
			target,
			notice,
		} ),
	} );
}

/**
 * Checks the plugin's screen and its wizard, or another part of the page it prints, with axe: no serious or
 * critical violation.
 *
 * @param page  The page.
 * @param state What is on screen, for the message.
 * @param part  The part checked: the screen's app unless told.
 */
export async function expectAccessible(
	page: Page,
	state: string,
	part = '#causerie-connector-root'
): Promise< void > {
	let builder = new AxeBuilder( { page } ).include( part );
	// The wizard renders in a portal outside the app's root.
	if (
		( await page.locator( '.components-modal__screen-overlay' ).count() ) >
		0
	) {
		builder = builder.include( '.components-modal__screen-overlay' );
	}
	const results = await builder.analyze();
	const serious = results.violations
		.filter(
			( violation ) =>
				violation.impact === 'serious' ||
				violation.impact === 'critical'
		)
		.map(
			( violation ) =>
				`${ violation.id }: ${ violation.help } (${ violation.nodes
					.map( ( node ) => node.target.join( ' ' ) )
					.join( ', ' ) })`
		);
	expect( serious, `axe on ${ state }` ).toEqual( [] );
}

/**
 * Keeps a screenshot of a step.
 *
 * @param page    The page.
 * @param name    Spec name.
 * @param version WordPress version.
 * @param step    Step name.
 * @param kind    What the spec walks through: a fix, the first run, or the network's screen.
 */
export async function shot(
	page: Page,
	name: string,
	version: string,
	step: string,
	kind: 'fix' | 'setup' | 'network' = 'fix'
): Promise< void > {
	// A picture for people, not an assertion: one that can't be taken in time is reported and the spec goes on.
	await page
		.screenshot( {
			path: path.join(
				SCREENSHOTS,
				`${ kind }-${ name }-wp${ version }-${ step }.png`
			),
			fullPage: true,
			timeout: 15_000,
		} )
		.catch( ( reason: unknown ) =>
			process.stderr.write(
				`screenshot ${ name } ${ step } (WordPress ${ version }) not taken: ${ String( reason ) }\n`
			)
		);
}

/**
 * Opens a section of the Troubleshooting tab, such as the token inspector.
 *
 * @param page The screen.
 * @param name The section's tab, in the screen's language.
 * @param tab  The Troubleshooting tab's name, in the screen's language.
 */
export async function openSection(
	page: Page,
	name: string,
	tab = 'Troubleshooting'
): Promise< void > {
	await page.getByRole( 'tab', { name: tab, exact: true } ).click();
	await page.getByRole( 'tab', { name, exact: true } ).click();
}

/**
 * Opens Troubleshooting and expects every health row to pass: none failed, none a warning.
 *
 * @param page The screen.
 */
export async function expectHealthyRows( page: Page ): Promise< void > {
	await page
		.getByRole( 'tab', { name: 'Troubleshooting', exact: true } )
		.click();
	await expect(
		page.locator( '.causerie-health__row' ).first()
	).toBeVisible();
	await expect(
		page.locator(
			'.causerie-health__row.is-error, .causerie-health__row.is-warning'
		)
	).toHaveCount( 0 );
}

/**
 * Keeps a screenshot of the overview in a state, for the README and readme.txt.
 *
 * @param page    The screen, on the overview.
 * @param state   connected, broken, not-configured, warning.
 * @param version WordPress version.
 */
export async function overviewShot(
	page: Page,
	state: string,
	version: string
): Promise< void > {
	await page.screenshot( {
		path: path.join(
			SCREENSHOTS,
			`overview-${ state }-wp${ version }.png`
		),
		fullPage: true,
	} );
}
