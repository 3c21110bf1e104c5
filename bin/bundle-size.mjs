// The bundle budget: the plugin's own JavaScript, every chunk in build/, gzipped at level 9, must stay
// at or under the budget. WordPress packages are external (wp-scripts' dependency extraction), so only
// our code and what we bundle (jose) count. Run by `npm run build` and the `build` suite of `npm test`.
//
//   node bin/bundle-size.mjs [DIR] [--budget KB]    DIR defaults to build/; 1 KB = 1024 bytes
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 30;

const args = process.argv.slice( 2 );
const budgetAt = args.indexOf( '--budget' );
const budgetKb =
	budgetAt === -1 ? BUDGET_KB : Number( args.splice( budgetAt, 2 )[ 1 ] );
const dir = args[ 0 ] ?? 'build';

if ( ! Number.isFinite( budgetKb ) || budgetKb <= 0 ) {
	console.error( 'bundle: --budget needs a number of KB' );
	process.exit( 2 );
}

let files;
try {
	files = readdirSync( dir )
		.filter( ( name ) => name.endsWith( '.js' ) )
		.sort();
} catch {
	files = [];
}
if ( files.length === 0 ) {
	console.error( `bundle: no .js files in ${ dir }; build first` );
	process.exit( 2 );
}

const kb = ( bytes ) => ( bytes / 1024 ).toFixed( 1 );
const budget = `(budget ${ budgetKb } KB)`;
let total = 0;
for ( const name of files ) {
	const file = path.join( dir, name );
	const bytes = gzipSync( readFileSync( file ), { level: 9 } ).length;
	total += bytes;
	// With one file its line is the total; with chunks the budget is on the total line.
	console.log(
		`bundle: ${ file } ${ kb( bytes ) } KB gzipped${ files.length === 1 ? ` ${ budget }` : '' }`
	);
}
if ( files.length > 1 ) {
	console.log(
		`bundle: all ${ files.length } files ${ kb( total ) } KB gzipped ${ budget }`
	);
}
if ( total > budgetKb * 1024 ) {
	console.error(
		`bundle: over budget: ${ total } bytes gzipped, budget ${ budgetKb * 1024 } bytes`
	);
	process.exit( 1 );
}
