// The translation workflow (run through bin/i18n.sh, from the plugin's root):
//   pot    extract the strings into languages/causerie-connector.pot and merge it into every .po
//   build  compile each .po into the .mo (PHP) and the JSON (scripts)
//   check  fail when the .pot is stale, a translation is missing, fuzzy or breaks a placeholder, or the
//          compiled files do not match their .po
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { headerFields, keyOf, parseMo, parsePo, serializePo } from './po.mjs';
import {
	DOMAIN,
	POT,
	essence,
	extractAll,
	outputsOf,
	placeholders,
	poFiles,
	referencedFiles,
} from './strings.mjs';

const say = ( text ) => process.stdout.write( `${ text }\n` );

function potText( creationDate ) {
	const { name, version, entries } = extractAll();
	const text = serializePo( {
		headerComments: [
			`Copyright (C) ${ creationDate.slice( 0, 4 ) } Causerie`,
			`This file is distributed under the same license as the ${ name } plugin.`,
		],
		fields: [
			[ 'Project-Id-Version', `${ name } ${ version }`.trim() ],
			[ 'Report-Msgid-Bugs-To', '' ],
			[ 'POT-Creation-Date', creationDate ],
			[ 'PO-Revision-Date', 'YEAR-MO-DA HO:MI+ZONE' ],
			[ 'Last-Translator', 'FULL NAME <EMAIL@ADDRESS>' ],
			[ 'Language-Team', 'LANGUAGE <LL@li.org>' ],
			[ 'MIME-Version', '1.0' ],
			[ 'Content-Type', 'text/plain; charset=UTF-8' ],
			[ 'Content-Transfer-Encoding', '8bit' ],
			[ 'X-Generator', 'bin/i18n.sh' ],
			[ 'X-Domain', DOMAIN ],
		],
		entries,
	} );
	return { text, entries };
}

function now() {
	return new Date().toISOString().replace( /T(\d\d:\d\d).*/, ' $1+0000' );
}

function readPot() {
	return fs.existsSync( POT ) ? fs.readFileSync( POT, 'utf8' ) : '';
}

function pot() {
	const old = readPot();
	const oldDate = headerFields(
		parsePo( old || 'msgid ""\nmsgstr ""\n', POT ).header
	)[ 'POT-Creation-Date' ];
	// The date changes only with the contents, so an unchanged .pot leaves git clean.
	let { text, entries } = potText( oldDate ?? now() );
	if ( text !== old ) {
		( { text, entries } = potText( now() ) );
		fs.mkdirSync( 'languages', { recursive: true } );
		fs.writeFileSync( POT, text );
		say( `${ POT }: ${ entries.length } strings (updated)` );
	} else {
		say( `${ POT }: ${ entries.length } strings (unchanged)` );
	}
	for ( const po of poFiles() ) {
		// --previous keeps the old string beside a fuzzy match, to show the translator what changed.
		execFileSync( 'msgmerge', [
			'--quiet',
			'--update',
			'--backup=none',
			'--no-wrap',
			'--previous',
			po,
			POT,
		] );
		execFileSync( 'msgattrib', [
			'--no-obsolete',
			'--no-wrap',
			`--output-file=${ po }`,
			po,
		] );
		const { entries: translations } = parsePo(
			fs.readFileSync( po, 'utf8' ),
			po
		);
		const todo = translations.filter(
			( entry ) =>
				entry.flags.includes( 'fuzzy' ) ||
				entry.msgstr.some( ( form ) => ! form )
		);
		say(
			`${ po }: ${ todo.length } of ${ translations.length } strings to translate or review`
		);
		for ( const entry of todo ) {
			say(
				`  ${ entry.flags.includes( 'fuzzy' ) ? 'fuzzy' : 'new  ' }  ${ JSON.stringify( entry.msgid ) }`
			);
		}
	}
}

function build() {
	for ( const po of poFiles() ) {
		const { locale, mo, json } = outputsOf( po );
		execFileSync( 'msgfmt', [ '--check', `--output-file=${ mo }`, po ] );
		for ( const stale of fs
			.readdirSync( 'languages' )
			.filter(
				( name ) =>
					name.startsWith( `${ DOMAIN }-${ locale }-` ) &&
					name.endsWith( '.json' )
			) ) {
			fs.rmSync( `languages/${ stale }` );
		}
		for ( const [ file, contents ] of json ) {
			fs.writeFileSync( file, contents );
			say(
				`${ file }: ${ Object.keys( JSON.parse( contents ).locale_data.messages ).length - 1 } strings`
			);
		}
		say(
			`${ mo }: ${ parseMo( fs.readFileSync( mo ) ).size - 1 } strings`
		);
	}
}

function checkPot( problems ) {
	const committed = parsePo( readPot(), POT ).entries;
	const { entries: fresh } = potText( now() );
	const want = essence( fresh );
	const have = essence( committed );
	for ( const [ key, description ] of want ) {
		if ( ! have.has( key ) ) {
			problems.push( `${ POT } lacks ${ JSON.stringify( key ) }` );
		} else if ( have.get( key ) !== description ) {
			problems.push(
				`${ POT } has outdated comments, flags or files for ${ JSON.stringify( key ) }`
			);
		}
	}
	for ( const key of have.keys() ) {
		if ( ! want.has( key ) ) {
			problems.push(
				`${ POT } still has ${ JSON.stringify( key ) }, which the code no longer uses`
			);
		}
	}
	return committed;
}

function checkPo( po, potEntries, problems ) {
	const { header, entries } = parsePo( fs.readFileSync( po, 'utf8' ), po );
	const fields = headerFields( header );
	for ( const name of [ 'Language', 'Plural-Forms', 'PO-Revision-Date' ] ) {
		if ( ! fields[ name ] ) {
			problems.push( `${ po }: the header has no ${ name }` );
		}
	}
	const wanted = new Map(
		potEntries.map( ( entry ) => [ keyOf( entry ), entry ] )
	);
	const live = entries.filter( ( entry ) => ! entry.obsolete );
	const have = new Set( live.map( keyOf ) );
	for ( const key of wanted.keys() ) {
		if ( ! have.has( key ) ) {
			problems.push(
				`${ po }: missing ${ JSON.stringify( key ) } (run npm run i18n:pot)`
			);
		}
	}
	for ( const entry of live ) {
		const key = keyOf( entry );
		const where = `${ po }: ${ JSON.stringify( key ) }`;
		const source = wanted.get( key );
		if ( ! source ) {
			problems.push(
				`${ where } is not in ${ POT } (run npm run i18n:pot)`
			);
			continue;
		}
		if (
			JSON.stringify( referencedFiles( entry ) ) !==
			JSON.stringify( referencedFiles( source ) )
		) {
			problems.push(
				`${ where } names other files than ${ POT } (run npm run i18n:pot)`
			);
		}
		if ( entry.flags.includes( 'fuzzy' ) ) {
			problems.push(
				`${ where } is fuzzy: review the translation and remove the fuzzy flag`
			);
		}
		if (
			entry.msgstr.length === 0 ||
			entry.msgstr.some( ( form ) => ! form )
		) {
			problems.push( `${ where } is not translated` );
			continue;
		}
		entry.msgstr.forEach( ( form ) => {
			// A plural form may follow either original: French uses the singular for 0 and 1.
			const originals =
				entry.msgid_plural === undefined
					? [ entry.msgid ]
					: [ entry.msgid, entry.msgid_plural ];
			const expected = originals.map( ( text ) =>
				placeholders( text ).join( ' ' )
			);
			const actual = placeholders( form ).join( ' ' );
			if ( ! expected.includes( actual ) ) {
				problems.push(
					`${ where }: the translation's placeholders (${ actual || 'none' }) differ from the original's (${ expected[ expected.length - 1 ] || 'none' })`
				);
			}
		} );
	}
	try {
		execFileSync( 'msgfmt', [ '--check', '--output-file=/dev/null', po ], {
			stdio: 'pipe',
		} );
	} catch ( error ) {
		problems.push(
			`${ po }: msgfmt --check failed:\n${ String( error.stderr ).trim() }`
		);
	}

	// The compiled files must hold what the .po holds today.
	const { locale, mo, json } = outputsOf( po );
	const translations = new Map(
		live
			.filter(
				( entry ) =>
					! entry.flags.includes( 'fuzzy' ) &&
					entry.msgstr.length &&
					entry.msgstr.every( Boolean )
			)
			.map( ( entry ) => [ keyOf( entry ), entry.msgstr.join( '\0' ) ] )
	);
	if ( ! fs.existsSync( mo ) ) {
		problems.push( `${ mo } is missing (run npm run i18n:build)` );
	} else {
		const compiled = parseMo( fs.readFileSync( mo ) );
		compiled.delete( '' );
		const same =
			compiled.size === translations.size &&
			[ ...translations ].every(
				( [ key, value ] ) => compiled.get( key ) === value
			);
		if ( ! same ) {
			problems.push(
				`${ mo } does not match ${ po } (run npm run i18n:build)`
			);
		}
	}
	for ( const [ file, contents ] of json ) {
		if ( ! fs.existsSync( file ) ) {
			problems.push( `${ file } is missing (run npm run i18n:build)` );
		} else if (
			JSON.stringify( JSON.parse( fs.readFileSync( file, 'utf8' ) ) ) !==
			JSON.stringify( JSON.parse( contents ) )
		) {
			problems.push(
				`${ file } does not match ${ po } (run npm run i18n:build)`
			);
		}
	}
	const extra = fs
		.readdirSync( 'languages' )
		.map( ( name ) => `languages/${ name }` )
		.filter(
			( file ) =>
				file.startsWith( `languages/${ DOMAIN }-${ locale }-` ) &&
				file.endsWith( '.json' ) &&
				! json.has( file )
		);
	extra.forEach( ( file ) =>
		problems.push(
			`${ file } belongs to no script (run npm run i18n:build)`
		)
	);
	return live.length;
}

function check() {
	const problems = [];
	const potEntries = checkPot( problems );
	say( `${ POT }: ${ potEntries.length } strings` );
	const pos = poFiles();
	if ( pos.length === 0 ) {
		problems.push( 'languages/ holds no translation (.po)' );
	}
	for ( const po of pos ) {
		const count = checkPo( po, potEntries, problems );
		say( `${ po }: ${ count } strings` );
	}
	if ( problems.length ) {
		problems.forEach( ( problem ) => say( `not ok - ${ problem }` ) );
		say( `${ problems.length } problem(s)` );
		process.exit( 1 );
	}
	say(
		'ok - the .pot is current, every translation is complete, and the .mo and JSON match their .po'
	);
}

const commands = { pot, build, check };
const command = commands[ process.argv[ 2 ] ];
if ( ! command ) {
	process.stderr.write( 'usage: bin/i18n.sh pot|build|check\n' );
	process.exit( 2 );
}
try {
	command();
} catch ( error ) {
	process.stderr.write(
		`error: ${ error.stderr ? String( error.stderr ) : error.message }\n`
	);
	process.exit( 1 );
}
