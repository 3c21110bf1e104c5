/**
 * The WP Consent API's test double and an opt-in consent banner (tests/consent-api), which bin/e2e-sites.sh
 * installs on the E2E sites without activating them: a spec turns them on as an admin would, and off again.
 */
import { expect, type Page } from '@playwright/test';

import { restNonce } from './fixtures';

/** The two plugins, as the REST API names them (folder/file without .php). */
export const CONSENT_API = 'wp-consent-api/wp-consent-api';
export const OPT_IN_BANNER = 'wp-consent-api/opt-in-banner';

/** What the test double puts on the page, and a banner calls. */
export type ConsentApiWindow = Window & {
	wp_has_consent: ( category: string ) => boolean;
	wp_set_consent: ( category: string, value: 'allow' | 'deny' ) => void;
	causerieConsent?: boolean;
};

/**
 * Activates or deactivates plugins through core's REST route, as the logged-in admin of the page.
 *
 * @param page    A page whose context is logged in as an admin.
 * @param plugins The plugins.
 * @param status  What they become.
 */
export async function setPlugins(
	page: Page,
	plugins: readonly string[],
	status: 'active' | 'inactive'
): Promise< void > {
	const nonce = await restNonce( page.request );
	for ( const plugin of plugins ) {
		const response = await page.request.post(
			`/wp-json/wp/v2/plugins/${ plugin }`,
			{ headers: { 'X-WP-Nonce': nonce }, data: { status } }
		);
		expect( response.status(), await response.text() ).toBe( 200 );
		expect( ( await response.json() ).status ).toBe( status );
	}
}
