// Time to interactive of Settings → Causerie against core's Settings → General, measured in Chromium in
// the same run, alternating the two pages. Run by bin/bench-screen.sh.
import { chromium } from '@playwright/test';

const { WP_URL, CHROMIUM } = process.env;
const RUNS = Number( process.env.BENCH_RUNS ?? 15 );
const WARMUPS = Number( process.env.BENCH_WARMUPS ?? 2 );
// A quiet window this long, free of long tasks, ends the measurement (Lighthouse's TTI uses 5 s).
const QUIET_MS = Number( process.env.BENCH_QUIET_MS ?? 2000 );
const TARGET = 1.3;

const PAGES = [
	{
		name: 'Settings → General',
		key: 'general',
		path: '/wp-admin/options-general.php',
		ready: '#submit',
	},
	{
		name: 'Settings → Causerie',
		key: 'causerie',
		path: '/wp-admin/options-general.php?page=causerie-connector',
		ready: '.causerie-status h2',
	},
];

/**
 * Runs in the page before any of its scripts: records long tasks, and the first frame in which the
 * element that makes the page usable is visible.
 *
 * @param {string} selector The ready element.
 */
function instrument( selector ) {
	const state = { longTasks: [], readyAt: null };
	const observer = new PerformanceObserver( ( list ) => record( list ) );
	function record( entries ) {
		for ( const entry of entries.getEntries?.() ?? entries ) {
			state.longTasks.push( {
				start: entry.startTime,
				end: entry.startTime + entry.duration,
			} );
		}
	}
	observer.observe( { type: 'longtask', buffered: true } );
	// Entries still queued for the observer's callback count too.
	state.flush = () => record( observer.takeRecords() );
	// REST reads the page starts, by method: a GET before the page is usable is a preload miss.
	state.requests = [];
	const fetch = window.fetch;
	window.fetch = ( input, init ) => {
		const request = new Request( input, init );
		state.requests.push( {
			at: performance.now(),
			method: request.method,
			path: new URL( request.url ).pathname,
		} );
		return fetch( input, init );
	};
	window.__benchScreen = state;
	const check = () => {
		const element = document.querySelector( selector );
		if ( element && element.checkVisibility() ) {
			state.readyAt = performance.now();
			return;
		}
		requestAnimationFrame( check );
	};
	requestAnimationFrame( check );
}

/**
 * Runs in the page: once the ready element is visible and DOMContentLoaded has ended, TTI is the end of
 * the last long task before a quiet window of QUIET_MS. Requests in flight are not considered, so the
 * screen's background checks don't count; their rendering, if it makes a long task, does.
 *
 * @param {number} quietMs Length of the quiet window.
 */
function interactiveAt( quietMs ) {
	const state = window.__benchScreen;
	const [ nav ] = performance.getEntriesByType( 'navigation' );
	if ( ! state || state.readyAt === null || ! nav.domContentLoadedEventEnd ) {
		return null;
	}
	state.flush();
	let tti = Math.max( state.readyAt, nav.domContentLoadedEventEnd );
	const tasks = [ ...state.longTasks ].sort( ( a, b ) => a.start - b.start );
	for ( const task of tasks ) {
		if ( task.start >= tti + quietMs ) {
			break;
		}
		tti = Math.max( tti, task.end );
	}
	if ( performance.now() < tti + quietMs ) {
		return null;
	}
	const resources = performance.getEntriesByType( 'resource' );
	return {
		tti,
		ready: state.readyAt,
		ttfb: nav.responseStart,
		dcl: nav.domContentLoadedEventEnd,
		longTaskMs: tasks
			.filter( ( task ) => task.start < tti )
			.reduce( ( sum, task ) => sum + task.end - task.start, 0 ),
		scripts: resources.filter(
			( r ) => r.initiatorType === 'script' && r.startTime < tti
		).length,
		// The screen's own REST reads before it was usable: preloading should leave none.
		preloadMisses: state.requests.filter(
			( r ) =>
				r.method === 'GET' &&
				r.path.includes( '/wp-json/causerie/' ) &&
				r.at < state.readyAt
		).length,
	};
}

async function logIn( context ) {
	await context.addCookies( [
		{
			name: 'wordpress_test_cookie',
			value: 'WP%20Cookie%20check',
			url: WP_URL,
		},
	] );
	const response = await context.request.post( `${ WP_URL }/wp-login.php`, {
		form: {
			log: 'admin',
			pwd: 'password',
			testcookie: '1',
			redirect_to: `${ WP_URL }/wp-admin/`,
		},
		maxRedirects: 0,
	} );
	if ( response.status() !== 302 ) {
		throw new Error( `logging in answered ${ response.status() }` );
	}
}

async function measure( context, target ) {
	const page = await context.newPage();
	const errors = [];
	page.on( 'pageerror', ( error ) => errors.push( error.message ) );
	try {
		await page.addInitScript( instrument, target.ready );
		await page.goto( `${ WP_URL }${ target.path }`, {
			waitUntil: 'domcontentloaded',
		} );
		const handle = await page.waitForFunction( interactiveAt, QUIET_MS, {
			polling: 100,
			timeout: 60_000,
		} );
		const result = await handle.jsonValue();
		if ( errors.length > 0 ) {
			throw new Error( errors.join( '; ' ) );
		}
		// Let the background checks finish so they don't overlap the next run (not measured).
		await page.waitForLoadState( 'networkidle' );
		return result;
	} catch ( error ) {
		throw new Error( `${ target.name }: ${ error.message }` );
	} finally {
		await page.close();
	}
}

function percentile( values, p ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	if ( p === 50 && sorted.length % 2 === 0 ) {
		const mid = sorted.length / 2;
		return ( sorted[ mid - 1 ] + sorted[ mid ] ) / 2;
	}
	return sorted[
		Math.max( 0, Math.ceil( ( p / 100 ) * sorted.length ) - 1 )
	];
}

const browser = await chromium.launch( {
	executablePath: CHROMIUM ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
} );
let exitCode = 0;
try {
	const context = await browser.newContext( {
		viewport: { width: 1280, height: 800 },
	} );
	await logIn( context );
	const samples = { general: [], causerie: [] };
	for ( let run = 0; run < WARMUPS + RUNS; run++ ) {
		// Alternate which page goes first, so neither always follows the other.
		const order = run % 2 === 0 ? PAGES : [ ...PAGES ].reverse();
		for ( const target of order ) {
			const result = await measure( context, target );
			if ( run >= WARMUPS ) {
				samples[ target.key ].push( result );
			}
		}
	}

	const ms = ( value ) => `${ value.toFixed( 0 ) } ms`;
	const median = ( key, field ) =>
		percentile(
			samples[ key ].map( ( s ) => s[ field ] ),
			50
		);
	console.log(
		`Time to interactive, Chromium ${ browser.version() } headless, ${ RUNS } runs per page after ${ WARMUPS } warm-ups, alternating, logged in as admin; php -S sends no caching headers, so every load fetches its scripts again, on both pages alike.`
	);
	console.log(
		`Measured from navigation start to the latest of: the first frame in which the page's ready element is visible (General: the Save Changes button; Causerie: the status header's heading), DOMContentLoaded's end, and the end of the last long task (> 50 ms) before ${ QUIET_MS } ms without one. Requests still in flight do not count, so the screen's live checks, which start in the background after the first paint, are not measured as blocking.`
	);
	const columns = [
		[ 'TTI median', ( key, tti ) => ms( percentile( tti, 50 ) ) ],
		[ 'TTI p90', ( key, tti ) => ms( percentile( tti, 90 ) ) ],
		[ 'TTFB', ( key ) => ms( median( key, 'ttfb' ) ) ],
		[ 'ready', ( key ) => ms( median( key, 'ready' ) ) ],
		[ 'DCL end', ( key ) => ms( median( key, 'dcl' ) ) ],
		[ 'long tasks', ( key ) => ms( median( key, 'longTaskMs' ) ) ],
		[ 'scripts', ( key ) => String( median( key, 'scripts' ) ) ],
		[
			'preload misses',
			( key ) => String( median( key, 'preloadMisses' ) ),
		],
	];
	const row = ( first, cells ) =>
		[
			first.padEnd( 20 ),
			...cells.map( ( cell, i ) =>
				cell.padStart( Math.max( 8, columns[ i ][ 0 ].length ) )
			),
		].join( '  ' );
	console.log(
		row(
			'',
			columns.map( ( [ title ] ) => title )
		)
	);
	for ( const target of PAGES ) {
		const ttis = samples[ target.key ].map( ( s ) => s.tti );
		console.log(
			row(
				target.name,
				columns.map( ( [ , cell ] ) => cell( target.key, ttis ) )
			)
		);
	}
	console.log( '(the columns after TTI p90 are medians)' );
	for ( const target of PAGES ) {
		console.log(
			`${ target.name } TTI per run: ${ samples[ target.key ].map( ( s ) => s.tti.toFixed( 0 ) ).join( ' ' ) }`
		);
	}
	const ratio = ( p ) =>
		percentile(
			samples.causerie.map( ( s ) => s.tti ),
			p
		) /
		percentile(
			samples.general.map( ( s ) => s.tti ),
			p
		);
	const verdict = ratio( 50 ) <= TARGET ? 'PASS' : 'FAIL';
	console.log(
		`ratio Causerie / General: median ${ ratio( 50 ).toFixed( 2 ) }×, p90 ${ ratio( 90 ).toFixed( 2 ) }×; ${ verdict } (target: median ≤ ${ TARGET }×)`
	);
} catch ( error ) {
	console.error( `bench:screen: the measurement failed: ${ error.message }` );
	exitCode = 1;
} finally {
	await browser.close();
}
process.exit( exitCode );
