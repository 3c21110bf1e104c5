// The translation workflow (bin/i18n.sh) on a small plugin made for each test: extraction, the check that
// guards `npm test`, and the files the build writes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	after,
	afterEach,
	before,
	beforeEach,
	describe,
	test,
} from 'node:test';
import { fileURLToPath } from 'node:url';
import {
	parseMo,
	parsePo,
	serializePo,
	headerFields,
} from '../../bin/i18n/po.mjs';

const CLI = fileURLToPath(
	new URL( '../../bin/i18n/cli.mjs', import.meta.url )
);
const PO = 'languages/causerie-connector-fr_FR.po';
const POT = 'languages/causerie-connector.pot';
const jsonOf = ( script ) =>
	`languages/causerie-connector-fr_FR-${ crypto.createHash( 'md5' ).update( script ).digest( 'hex' ) }.json`;
const JSON_FILE = jsonOf( 'build/index.js' );
const EDITOR_JSON = jsonOf( 'build/editor.js' );

const FILES = {
	'causerie-connector.php': `<?php
/**
 * Plugin Name: Causerie Connector
 * Description: Connects the site.
 * Version: 1.2.3
 * Text Domain: causerie-connector
 */
echo esc_html__( 'Hello from PHP', 'causerie-connector' );
`,
	'uninstall.php': '<?php\n',
	'includes/Messages.php': `<?php
/* translators: %s: a field name */
$a = sprintf( __( 'Unknown setting: %s.', 'causerie-connector' ), $field );
$b = _x( 'Post', 'verb', 'causerie-connector' );
$c = __( 'Shared string', 'causerie-connector' );
`,
	'src/App.tsx': `import { __, _n, sprintf } from '@wordpress/i18n';

export function App< T extends object >( { count }: { count: number; item?: T } ) {
	const label = sprintf(
		/* translators: %s: an environment, such as Production */
		__(
			'This site runs as %s, so these are the credentials in use.',
			'causerie-connector'
		),
		'Production'
	);
	return (
		<p title={ label }>
			{ __( 'Shared string', 'causerie-connector' ) } { "it's" }
			{ sprintf( _n( '%d event', '%d events', count, 'causerie-connector' ), count ) }
		</p>
	);
}
`,
	'src/editor/Panel.tsx': `import { __ } from '@wordpress/i18n';

export const Panel = () => __( 'Leave out', 'causerie-connector' );
`,
};

let dir;

function write( file, contents ) {
	fs.mkdirSync( path.dirname( path.join( dir, file ) ), { recursive: true } );
	fs.writeFileSync( path.join( dir, file ), contents );
}
const read = ( file ) => fs.readFileSync( path.join( dir, file ), 'utf8' );

function run( command ) {
	const result = spawnSync( process.execPath, [ CLI, command ], {
		cwd: dir,
		encoding: 'utf8',
	} );
	return { status: result.status, output: result.stdout + result.stderr };
}

// What a translator does: fill every string, and clear the fuzzy flags after review.
function translate( translation = ( text ) => `FR ${ text }` ) {
	const { header, entries } = parsePo( read( PO ), PO );
	for ( const entry of entries ) {
		entry.flags = entry.flags.filter( ( flag ) => flag !== 'fuzzy' );
		entry.msgstr =
			entry.msgid_plural === undefined
				? [ translation( entry.msgid ) ]
				: [
						translation( entry.msgid ),
						translation( entry.msgid_plural ),
					];
	}
	write(
		PO,
		serializePo( {
			headerComments: [],
			fields: Object.entries( headerFields( header ) ),
			entries,
		} )
	);
}

function editPo( change ) {
	write( PO, change( read( PO ) ) );
}

// One translated plugin, made once; each test works on its own copy.
let template;
before( () => {
	dir = template = fs.mkdtempSync(
		path.join( os.tmpdir(), 'causerie-i18n-template-' )
	);
	Object.entries( FILES ).forEach( ( [ file, contents ] ) =>
		write( file, contents )
	);
	write(
		PO,
		'msgid ""\nmsgstr ""\n"PO-Revision-Date: 2026-11-26 12:00+0000\\n"\n"Language: fr_FR\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=n > 1;\\n"\n'
	);
	assert.equal( run( 'pot' ).status, 0 );
	translate();
	assert.equal( run( 'build' ).status, 0 );
} );

beforeEach( () => {
	dir = fs.mkdtempSync( path.join( os.tmpdir(), 'causerie-i18n-test-' ) );
	fs.cpSync( template, dir, { recursive: true } );
} );

afterEach( () => {
	fs.rmSync( dir, { recursive: true, force: true } );
} );

after( () => {
	fs.rmSync( template, { recursive: true, force: true } );
} );

describe( 'the .pot', () => {
	test( 'holds the strings of the PHP, the TypeScript and the plugin header, once each', () => {
		const { header, entries } = parsePo( read( POT ), POT );
		const ids = entries.map( ( entry ) =>
			entry.msgctxt ? `${ entry.msgctxt }|${ entry.msgid }` : entry.msgid
		);

		assert.deepEqual( ids.sort(), [
			'%d event',
			'Causerie Connector',
			'Connects the site.',
			'Hello from PHP',
			'Leave out',
			'Shared string',
			'This site runs as %s, so these are the credentials in use.',
			'Unknown setting: %s.',
			'verb|Post',
		] );
		assert.equal(
			headerFields( header )[ 'Project-Id-Version' ],
			'Causerie Connector 1.2.3'
		);
		const shared = entries.find(
			( entry ) => entry.msgid === 'Shared string'
		);
		assert.deepEqual(
			shared.references.map( ( reference ) =>
				reference.replace( /:\d+$/, '' )
			),
			[ 'includes/Messages.php', 'src/App.tsx' ]
		);
		assert.equal(
			entries.find( ( entry ) => entry.msgid === '%d event' )
				.msgid_plural,
			'%d events'
		);
	} );

	test( 'keeps translators comments, also when the string sits on the line after the call', () => {
		const { entries } = parsePo( read( POT ), POT );
		const comment = ( msgid ) =>
			entries.find( ( entry ) => entry.msgid === msgid ).extracted;

		assert.deepEqual(
			comment(
				'This site runs as %s, so these are the credentials in use.'
			),
			[ 'translators: %s: an environment, such as Production' ]
		);
		assert.deepEqual( comment( 'Unknown setting: %s.' ), [
			'translators: %s: a field name',
		] );
	} );

	test( 'is left untouched when nothing changed, and gets a new string when the code does', () => {
		const unchanged = read( POT );
		run( 'pot' );
		assert.equal( read( POT ), unchanged );

		write(
			'src/Extra.ts',
			"import { __ } from '@wordpress/i18n';\nexport const extra = () => __( 'A new string', 'causerie-connector' );\n"
		);
		run( 'pot' );
		assert.match( read( POT ), /msgid "A new string"/ );
		// msgmerge may offer a similar string's translation as a guess; either way a translator must act.
		assert.match( read( PO ), /msgid "A new string"/ );
		assert.match(
			run( 'check' ).output,
			/"A new string" is (fuzzy|not translated)/
		);
	} );

	test( 'refuses a string with another text domain', () => {
		write(
			'src/Other.ts',
			"import { __ } from '@wordpress/i18n';\nexport const other = () => __( 'Save' );\n"
		);

		const result = run( 'pot' );

		assert.notEqual( result.status, 0 );
		assert.match(
			result.output,
			/src\/Other\.ts:2: __\(\) must use the text domain 'causerie-connector'/
		);
	} );
} );

describe( 'the build', () => {
	test( 'writes the .mo with every translation', () => {
		const mo = parseMo(
			fs.readFileSync(
				path.join( dir, 'languages/causerie-connector-fr_FR.mo' )
			)
		);

		assert.equal( mo.get( 'Hello from PHP' ), 'FR Hello from PHP' );
		assert.equal( mo.get( 'verb\u0004Post' ), 'FR Post' );
		assert.equal( mo.get( '%d event' ), 'FR %d event\0FR %d events' );
	} );

	test( 'writes the JSON WordPress looks up for build/index.js, with the strings of src/ only', () => {
		const data = JSON.parse( read( JSON_FILE ) );
		const messages = data.locale_data.messages;

		assert.deepEqual( messages[ '' ], {
			domain: 'messages',
			lang: 'fr_FR',
			'plural-forms': 'nplurals=2; plural=n > 1;',
		} );
		assert.deepEqual( messages[ 'Shared string' ], [ 'FR Shared string' ] );
		assert.deepEqual( messages[ '%d event' ], [
			'FR %d event',
			'FR %d events',
		] );
		assert.equal( messages[ 'Hello from PHP' ], undefined );
		assert.equal( messages[ 'Leave out' ], undefined );
		assert.equal(
			data[ 'translation-revision-date' ],
			'2026-11-26 12:00+0000'
		);
	} );

	test( 'writes the editor panel its own JSON, for build/editor.js, with the strings of src/editor/ only', () => {
		const messages = JSON.parse( read( EDITOR_JSON ) ).locale_data.messages;

		assert.deepEqual( messages[ 'Leave out' ], [ 'FR Leave out' ] );
		assert.equal( messages[ 'Shared string' ], undefined );
	} );
} );

describe( 'the check', () => {
	test( 'passes when everything is current and translated', () => {
		const result = run( 'check' );

		assert.equal( result.status, 0, result.output );
	} );

	test( 'fails when the code has a string the .pot lacks', () => {
		write(
			'includes/Extra.php',
			"<?php\n__( 'A new string', 'causerie-connector' );\n"
		);

		const result = run( 'check' );

		assert.notEqual( result.status, 0 );
		assert.match(
			result.output,
			/languages\/causerie-connector\.pot lacks "A new string"/
		);
	} );

	test( 'fails when the .pot still has a string the code dropped', () => {
		write( 'includes/Messages.php', '<?php\n' );

		const result = run( 'check' );

		assert.match(
			result.output,
			/still has "Unknown setting: %s\.", which the code no longer uses/
		);
	} );

	test( 'ignores line numbers, so moving code around does not make the .pot stale', () => {
		write( 'src/App.tsx', `\n\n\n${ FILES[ 'src/App.tsx' ] }` );

		assert.equal( run( 'check' ).status, 0 );
	} );

	test( 'fails when a translation is missing', () => {
		editPo( ( text ) =>
			text.replace( 'msgstr "FR Hello from PHP"', 'msgstr ""' )
		);

		assert.match(
			run( 'check' ).output,
			/"Hello from PHP" is not translated/
		);
	} );

	test( 'fails when a translation is fuzzy', () => {
		editPo( ( text ) =>
			text.replace(
				'msgid "Hello from PHP"',
				'#, fuzzy\nmsgid "Hello from PHP"'
			)
		);

		assert.match( run( 'check' ).output, /"Hello from PHP" is fuzzy/ );
	} );

	test( 'fails when a translation changes the placeholders, and accepts them reordered', () => {
		editPo( ( text ) =>
			text.replace(
				'msgstr "FR Unknown setting: %s."',
				'msgstr "Réglage inconnu : %d."'
			)
		);
		assert.match(
			run( 'check' ).output,
			/"Unknown setting: %s\.": the translation's placeholders \(1d\) differ from the original's \(1s\)/
		);

		editPo( ( text ) =>
			text.replace(
				'msgstr "Réglage inconnu : %d."',
				'msgstr "Réglage inconnu : %1$s."'
			)
		);
		run( 'build' );
		assert.equal( run( 'check' ).status, 0 );
	} );

	test( 'fails when the .mo or the JSON were not rebuilt after the .po changed', () => {
		editPo( ( text ) =>
			text.replace(
				'msgstr "FR Shared string"',
				'msgstr "Texte partagé"'
			)
		);

		const result = run( 'check' );

		assert.match(
			result.output,
			/causerie-connector-fr_FR\.mo does not match/
		);
		assert.match( result.output, /-[0-9a-f]{32}\.json does not match/ );
		run( 'build' );
		assert.equal( run( 'check' ).status, 0 );
	} );

	test( 'fails when the .po lacks a string of the .pot', () => {
		write(
			'includes/Extra.php',
			"<?php\n__( 'A new string', 'causerie-connector' );\n"
		);
		fs.copyFileSync(
			path.join( dir, PO ),
			path.join( dir, `${ PO }.before` )
		);
		run( 'pot' );
		fs.renameSync(
			path.join( dir, `${ PO }.before` ),
			path.join( dir, PO )
		);

		assert.match(
			run( 'check' ).output,
			/missing "A new string" \(run npm run i18n:pot\)/
		);
	} );
} );
