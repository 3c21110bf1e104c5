import { defineConfig } from '@playwright/test';

import { NETWORK, NETWORK_SPEC, SITES, type SiteOptions } from './sites';

export default defineConfig< SiteOptions >( {
	testDir: './specs',
	outputDir: '../../artifacts/e2e/results',
	globalSetup: './global-setup.ts',
	fullyParallel: false,
	workers: 2,
	forbidOnly: true,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [
		[ 'list' ],
		[ './clicks-reporter.ts' ],
		[
			'html',
			{ outputFolder: '../../artifacts/e2e/report', open: 'never' },
		],
	],
	use: {
		screenshot: 'on',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
			// No network here but loopback: keep Chromium from calling home.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	projects: [
		...SITES.map( ( site ) => ( {
			name: `wordpress-${ site.wordpressVersion }`,
			testIgnore: NETWORK_SPEC,
			// One site and one sandbox per project, which the specs break and heal: its specs run one at a time.
			workers: 1,
			use: {
				baseURL: site.url,
				wordpressVersion: site.wordpressVersion,
				sandboxURL: site.sandboxURL,
				splitIssuerURL: site.splitIssuerURL,
				splitApiURL: site.splitApiURL,
			},
		} ) ),
		{
			// The network and its sandbox are this project's alone, so it runs beside a single site's project.
			name: `network-wordpress-${ NETWORK.wordpressVersion }`,
			testMatch: NETWORK_SPEC,
			workers: 1,
			use: {
				baseURL: NETWORK.url,
				wordpressVersion: NETWORK.wordpressVersion,
				sandboxURL: NETWORK.sandboxURL,
			},
		},
	],
} );
