import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect } from './fixtures';

const PO = path.resolve(
	__dirname,
	'../../languages/causerie-connector-fr_FR.po'
);

/**
 * The French for an English string, from the shipped languages/causerie-connector-fr_FR.po, so that a spec
 * checks that the translation loads, not a second copy of it.
 *
 * @param english The msgid.
 */
export function fr( english: string ): string {
	const po = readFileSync( PO, 'utf8' );
	const quoted = JSON.stringify( english );
	const at = po.indexOf( `\nmsgid ${ quoted }\nmsgstr ` );
	expect( at, `a translation of ${ quoted }` ).toBeGreaterThan( -1 );
	const line = po.slice( at ).split( '\n' )[ 2 ] ?? '';
	const translated = JSON.parse( line.replace( /^msgstr /, '' ) ) as string;
	expect( translated ).not.toBe( '' );
	return translated;
}
