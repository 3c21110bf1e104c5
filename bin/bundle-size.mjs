// The bundle budget: the plugin's own JavaScript, gzipped at level 9, must stay at or under the budget of the
// page that loads it: the settings screen (every chunk in build/ but the editor's) and, apart, the block
// editor's knowledge panel (editor.js, loaded only in the editor); apart again, each folder of its own: the
// chat block's editor script (block/) and the widget's consent loader on visitors' pages (widget-loader/).
// WordPress packages are external
// (wp-scripts' dependency extraction), so only our code and what we bundle (jose) count. Run by
// `npm run build` and the `build` suite of `npm test`.
//
//   node bin/bundle-size.mjs [DIR] [--budget KB]    DIR defaults to build/; 1 KB = 1024 bytes
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 30;
const EDITOR_BUDGET_KB = 2;
const isEditor = ( name ) => name.startsWith( 'editor' );
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

const kb = ( bytes ) => ( bytes / 1024 ).toFixed( 1 );
let over = false;
for ( const [ page, names, limitKb ] of [
	[ 'screen', files.filter( ( name ) => ! isEditor( name ) ), budgetKb ],
	[ 'editor', files.filter( isEditor ), EDITOR_BUDGET_KB ],
	...Object.entries( FOLDERS ).map( ( [ folder, folderKb ] ) => [
		folder,
		jsIn( path.join( dir, folder ) ).map( ( name ) =>
			path.join( folder, name )
		),
		folderKb,
	] ),
] ) {
	if ( names.length === 0 ) {
		continue;
	}
	let total = 0;
	for ( const name of names ) {
		const bytes = gzipSync( readFileSync( path.join( dir, name ) ), {
			level: 9,
		} ).length;
		total += bytes;
		console.log(
			`bundle: ${ path.join( dir, name ) } ${ kb( bytes ) } KB gzipped`
		);
	}
	console.log(
		`bundle: ${ page } ${ names.length } file(s) ${ kb( total ) } KB gzipped (budget ${ limitKb } KB)`
	);
	if ( total > limitKb * 1024 ) {
		console.error(
			`bundle: ${ page } over budget: ${ total } bytes gzipped, budget ${ limitKb * 1024 } bytes`
		);
		over = true;
	}
}
process.exit( over ? 1 : 0 );
