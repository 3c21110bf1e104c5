// The bundle budget: the plugin's own JavaScript, gzipped at level 9, must stay at or under the budget of
// what a page loads at once, and of each chunk it fetches later:
// - the settings screen's first paint: build/index.js, the one script WordPress enqueues there (webpack
//   splits nothing else off it: every other chunk is a tab fetched when it first opens);
// - the block editor's knowledge panel: build/editor.js, loaded only in the editor;
// - the chat block's editor script (build/block/) and the widget's consent loader on visitors' pages
//   (build/widget-loader/), each folder a page of its own;
// - each lazily loaded tab (every other .js in build/, one file a tab: webpack.config.js): 8 KB, unless named
//   below. A tab is a few components over WordPress's packages, which are external (the Chatbot tab, form,
//   preview and all, is about 3 KB): 8 KB leaves it room to double, and still arrives within about 0.2 s of
//   the click on a slow 3G link (50 KB/s). The token inspector bundles jose (about 6 KB of its 10).
// WordPress packages are external (wp-scripts' dependency extraction), so only our code and what we bundle
// count. Run by `npm run build` and the `build` suite of `npm test`.
//
//   node bin/bundle-size.mjs [DIR] [--budget KB]    DIR defaults to build/; --budget sets the first paint's
//                                                   budget; 1 KB = 1024 bytes
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 30;
const EDITOR_BUDGET_KB = 2;
const TAB_BUDGET_KB = 8;
const TAB_BUDGETS_KB = { 'token.js': 12 };
// Folders of build/ that are pages of their own, with their budgets in KB.
const FOLDERS = { block: 2, 'widget-loader': 1 };
const jsIn = ( folder ) => {
	try {
		return readdirSync( folder )
			.filter( ( name ) => name.endsWith( '.js' ) )
			.sort();
	} catch {
		return [];
	}
};

const args = process.argv.slice( 2 );
const budgetAt = args.indexOf( '--budget' );
const budgetKb =
	budgetAt === -1 ? BUDGET_KB : Number( args.splice( budgetAt, 2 )[ 1 ] );
const dir = args[ 0 ] ?? 'build';

if ( ! Number.isFinite( budgetKb ) || budgetKb <= 0 ) {
	console.error( 'bundle: --budget needs a number of KB' );
	process.exit( 2 );
}

const files = jsIn( dir );
if ( files.length === 0 ) {
	console.error( `bundle: no .js files in ${ dir }; build first` );
	process.exit( 2 );
}

const ENTRIES = [ 'index.js', 'editor.js' ];
const budgets = [
	[ 'screen first paint', 'index.js', budgetKb ],
	[ 'editor', 'editor.js', EDITOR_BUDGET_KB ],
	...files
		.filter( ( name ) => ! ENTRIES.includes( name ) )
		.map( ( name ) => [
			`screen tab ${ path.basename( name, '.js' ) }`,
			name,
			TAB_BUDGETS_KB[ name ] ?? TAB_BUDGET_KB,
		] ),
].filter( ( [ , name ] ) => files.includes( name ) );
for ( const [ folder, folderKb ] of Object.entries( FOLDERS ) ) {
	for ( const name of jsIn( path.join( dir, folder ) ) ) {
		budgets.push( [ folder, path.join( folder, name ), folderKb ] );
	}
}

const kb = ( bytes ) => ( bytes / 1024 ).toFixed( 1 );
let over = false;
for ( const [ page, name, limitKb ] of budgets ) {
	const bytes = gzipSync( readFileSync( path.join( dir, name ) ), {
		level: 9,
	} ).length;
	console.log(
		`bundle: ${ page }: ${ path.join( dir, name ) } ${ kb( bytes ) } KB gzipped (budget ${ limitKb } KB)`
	);
	if ( bytes > limitKb * 1024 ) {
		console.error(
			`bundle: ${ page } over budget: ${ bytes } bytes gzipped, budget ${ limitKb * 1024 } bytes`
		);
		over = true;
	}
}
process.exit( over ? 1 : 0 );
