// The pictures the readmes show exist, and both readmes caption them as bin/screenshots.mjs lists them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { DIR, SCREENSHOTS } from '../../bin/screenshots.mjs';

const ROOT = path.resolve( DIR, '..' );

test( 'every listed picture is in .wordpress-org', () => {
	SCREENSHOTS.forEach( ( _, index ) =>
		assert.ok(
			existsSync( path.join( DIR, `screenshot-${ index + 1 }.png` ) ),
			`screenshot-${ index + 1 }.png`
		)
	);
} );

test( 'readme.txt captions the pictures in order, as WordPress.org reads them', () => {
	const readme = readFileSync( path.join( ROOT, 'readme.txt' ), 'utf8' );
	const section = readme.split( '== Screenshots ==' )[ 1 ].split( '\n== ' )[ 0 ];
	const captions = [ ...section.matchAll( /^(\d+)\. (.+)$/gm ) ].map(
		( match ) => [ Number( match[ 1 ] ), match[ 2 ] ]
	);
	assert.deepEqual(
		captions,
		SCREENSHOTS.map( ( { caption }, index ) => [ index + 1, caption ] )
	);
} );

test( 'README.md shows each picture with its caption', () => {
	const readme = readFileSync( path.join( ROOT, 'README.md' ), 'utf8' );
	SCREENSHOTS.forEach( ( { caption }, index ) =>
		assert.ok(
			readme.includes(
				`![${ caption }](.wordpress-org/screenshot-${ index + 1 }.png)`
			),
			`README.md lacks picture ${ index + 1 }`
		)
	);
} );
