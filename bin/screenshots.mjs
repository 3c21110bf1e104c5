// npm run screenshots: the pictures of README.md and readme.txt, taken from the last E2E run's screenshots
// (artifacts/e2e/screenshots, WordPress 7.1) into .wordpress-org/screenshot-N.png, WordPress.org's naming.
// Run it after `npm test` or the E2E whenever the screen changes; the captions here are the one list both
// readmes show, and tests/docs checks that they agree.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '..' );
const FROM = path.join( ROOT, 'artifacts/e2e/screenshots' );
export const DIR = path.join( ROOT, '.wordpress-org' );

export const SCREENSHOTS = [
	{
		shot: 'overview-connected-wp7.1.png',
		caption:
			'The overview: the chatbot on the site, its knowledge, this week’s conversations and leads, and the connection.',
	},
	{
		shot: 'setup-first-run-wp7.1-1-address-found.png',
		caption:
			'The guided setup on a fresh site: where to find the credentials, from the server’s own documentation link.',
	},
	{
		shot: 'setup-first-run-wp7.1-4-chatbot.png',
		caption: 'The guided setup turns the chatbot on, with a preview.',
	},
	{
		shot: 'overview-broken-wp7.1.png',
		caption:
			'A broken connection said in plain words on the overview, with Fix it.',
	},
	{
		shot: 'fix-secret-changed-wp7.1-1-what-happened.png',
		caption:
			'The fix wizard: what happened, with the evidence the plugin saw.',
	},
	{
		shot: 'fix-secret-changed-wp7.1-2-fix.png',
		caption:
			'The fix wizard: paste the new secret; the old one stays until the new one works.',
	},
];

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	mkdirSync( DIR, { recursive: true } );
	const missing = SCREENSHOTS.filter(
		( { shot } ) => ! existsSync( path.join( FROM, shot ) )
	);
	if ( missing.length ) {
		process.stderr.write(
			`Not in ${ FROM } (run the E2E first): ${ missing
				.map( ( { shot } ) => shot )
				.join( ', ' ) }\n`
		);
		process.exit( 1 );
	}
	SCREENSHOTS.forEach( ( { shot }, index ) =>
		copyFileSync(
			path.join( FROM, shot ),
			path.join( DIR, `screenshot-${ index + 1 }.png` )
		)
	);
	process.stdout.write(
		`${ SCREENSHOTS.length } pictures copied into .wordpress-org/\n`
	);
}
