// What the commands share: where the strings are, how the .pot is built, and what the JSON holds.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractTs } from './extract-ts.mjs';
import { headerFields, keyOf, parsePo } from './po.mjs';

export const DOMAIN = 'causerie-connector';
export const MAIN_FILE = 'causerie-connector.php';
export const POT = `languages/${ DOMAIN }.pot`;

// Each script WordPress loads, and the sources bundled into it: their strings go into that script's JSON. A
// source belongs to the script with the longest prefix that matches it: the editor's panel is not the screen's.
// The screen's lazily loaded tabs (build/chatbot.js, build/token.js…) need no JSON of their own: WordPress
// loads translations per enqueued script only, and the chunks are fetched by webpack, not enqueued. Their
// sources are under src/, so their strings are in build/index.js's JSON, which wp_set_script_translations()
// hands to wp.i18n before index.js runs; a chunk's __() reads the same domain from that one store.
export const SCRIPTS = {
	'build/index.js': [ 'src/' ],
	'build/editor.js': [ 'src/editor/' ],
	'build/block/index.js': [ 'src/block/' ],
};

// The fields of a block.json (under src/) that WordPress translates when it registers the block, with the
// contexts its i18n schema gives them.
const BLOCK_FIELDS = {
	title: 'block title',
	description: 'block description',
	keywords: 'block keyword',
};

/**
 * The script a source file is bundled into: the one whose prefix matching the file is longest.
 *
 * @param {string} file A source file, relative to the plugin.
 * @return {string|undefined} The script.
 */
function scriptOf( file ) {
	let best;
	let length = -1;
	for ( const [ script, sources ] of Object.entries( SCRIPTS ) ) {
		for ( const source of sources ) {
			if ( file.startsWith( source ) && source.length > length ) {
				best = script;
				length = source.length;
			}
		}
	}
	return best;
}

// The header fields WordPress translates on the Plugins screen, with the comments wp-cli gives them.
const PLUGIN_HEADERS = [
	'Plugin Name',
	'Plugin URI',
	'Description',
	'Author',
	'Author URI',
];

// sprintf placeholders: %s, %d, %1$s, %05.2f… (`%%` is a literal percent sign and is removed first).
const PLACEHOLDER = /%(?:(\d+)\$)?[-+0'#]*\d*(?:\.\d+)?([bcdeEfFgGosuxX])/g;

/**
 * The placeholders of a string, numbered: `%s %d` and `%1$s %2$d` both give `1s 2d`.
 *
 * @param {string} text
 * @return {string[]} The distinct placeholders, sorted.
 */
export function placeholders( text ) {
	let next = 0;
	const found = new Set();
	for ( const [ , position, type ] of text
		.replace( /%%/g, '' )
		.matchAll( PLACEHOLDER ) ) {
		found.add( `${ position ? Number( position ) : ++next }${ type }` );
	}
	return [ ...found ].sort();
}

function walk( dir, pattern ) {
	return fs.readdirSync( dir, { withFileTypes: true } ).flatMap( ( item ) => {
		const full = `${ dir }/${ item.name }`;
		if ( item.isDirectory() ) {
			return walk( full, pattern );
		}
		return pattern.test( item.name ) ? [ full ] : [];
	} );
}

const byCodePoint = ( a, b ) => ( a < b ? -1 : Number( a > b ) );

/**
 * The files whose strings are translated, relative to the plugin's root (the current directory).
 *
 * @return {{php: string[], ts: string[]}} PHP and TypeScript sources, sorted.
 */
export function sourceFiles() {
	return {
		php: [
			MAIN_FILE,
			...walk( 'includes', /\.php$/ ).sort( byCodePoint ),
			'uninstall.php',
		],
		ts: walk( 'src', /\.[jt]sx?$/ )
			.filter( ( file ) => ! /\.d\.ts$/.test( file ) )
			.sort( byCodePoint ),
	};
}

function pluginHeaders() {
	const source = fs.readFileSync( MAIN_FILE, 'utf8' );
	const fields = {};
	for ( const name of [ ...PLUGIN_HEADERS, 'Version' ] ) {
		const match = new RegExp( `^[\\s*#@]*${ name }:\\s*(.+)$`, 'mi' ).exec(
			source
		);
		if ( match ) {
			fields[ name ] = match[ 1 ].trim();
		}
	}
	return fields;
}

function phpEntries( files ) {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'causerie-i18n-' ) );
	const out = path.join( dir, 'php.pot' );
	try {
		// prettier-ignore
		const keywords = [
			'__', '_e', 'esc_html__', 'esc_html_e', 'esc_attr__', 'esc_attr_e',
			'_x:1,2c', '_ex:1,2c', 'esc_html_x:1,2c', 'esc_attr_x:1,2c',
			'_n:1,2', '_nx:1,2,4c', '_n_noop:1,2', '_nx_noop:1,2,3c',
		];
		execFileSync( 'xgettext', [
			'--language=PHP',
			'--from-code=UTF-8',
			'--no-wrap',
			'--add-comments=translators:',
			'--force-po',
			'--keyword', // no default keywords: only WordPress's functions
			...keywords.map( ( keyword ) => `--keyword=${ keyword }` ),
			`--output=${ out }`,
			'--',
			...files,
		] );
		return parsePo( fs.readFileSync( out, 'utf8' ), 'xgettext' ).entries;
	} finally {
		fs.rmSync( dir, { recursive: true, force: true } );
	}
}

/**
 * Extracts every string from the PHP and the TypeScript.
 *
 * @return {{version: string, name: string, entries: import('./po.mjs').Entry[]}} The .pot's entries, and the plugin's name and version.
 */
export function extractAll() {
	const files = sourceFiles();
	const headers = pluginHeaders();
	const entries = new Map();
	const add = ( entry ) => {
		const key = keyOf( entry );
		const known = entries.get( key );
		if ( ! known ) {
			entries.set( key, entry );
			return;
		}
		const union = ( a, b ) => [ ...new Set( [ ...a, ...b ] ) ];
		known.extracted = union( known.extracted, entry.extracted );
		known.references = union( known.references, entry.references );
		known.flags = union( known.flags, entry.flags );
		known.msgid_plural ??= entry.msgid_plural;
	};
	const blank = {
		msgctxt: undefined,
		msgid_plural: undefined,
		msgstr: [],
		translator: [],
		flags: [],
		obsolete: false,
	};

	for ( const name of PLUGIN_HEADERS ) {
		if ( headers[ name ] ) {
			add( {
				...blank,
				msgid: headers[ name ],
				extracted: [ `${ name } of the plugin` ],
				references: [ MAIN_FILE ],
			} );
		}
	}
	phpEntries( files.php ).forEach( add );
	const blocks = fs.existsSync( 'src' )
		? walk( 'src', /^block\.json$/ ).sort( byCodePoint )
		: [];
	for ( const file of blocks ) {
		const block = JSON.parse( fs.readFileSync( file, 'utf8' ) );
		for ( const [ field, msgctxt ] of Object.entries( BLOCK_FIELDS ) ) {
			for ( const msgid of [ block[ field ] ?? [] ].flat() ) {
				add( {
					...blank,
					msgctxt,
					msgid,
					extracted: [],
					references: [ file ],
				} );
			}
		}
	}

	const ts = extractTs( files.ts, DOMAIN );
	if ( ts.errors.length ) {
		throw new Error( ts.errors.join( '\n' ) );
	}
	for ( const found of ts.entries ) {
		const format = placeholders(
			found.msgid + ( found.msgid_plural ?? '' )
		).length
			? [ 'javascript-format' ]
			: [];
		add( {
			...blank,
			msgctxt: found.msgctxt,
			msgid: found.msgid,
			msgid_plural: found.msgid_plural,
			extracted: found.comment ? [ found.comment ] : [],
			references: [ found.reference ],
			flags: format,
		} );
	}
	return {
		name: headers[ 'Plugin Name' ] ?? DOMAIN,
		version: headers.Version ?? '',
		entries: [ ...entries.values() ],
	};
}

/**
 * What makes two .pot files equivalent: the same strings, comments, flags and files. Line numbers are left
 * out, so that editing code around a string does not make the .pot stale.
 *
 * @param {import('./po.mjs').Entry[]} entries
 * @return {Map<string, string>} A description of each entry, by key.
 */
export function essence( entries ) {
	return new Map(
		entries
			.filter( ( entry ) => ! entry.obsolete )
			.map( ( entry ) => [
				keyOf( entry ),
				JSON.stringify( {
					plural: entry.msgid_plural ?? null,
					extracted: [ ...new Set( entry.extracted ) ].sort(),
					flags: entry.flags
						.filter( ( flag ) => flag !== 'fuzzy' )
						.sort(),
					files: referencedFiles( entry ),
				} ),
			] )
	);
}

/**
 * The files an entry's references name, without line numbers.
 *
 * @param {import('./po.mjs').Entry} entry
 * @return {string[]} The files, sorted.
 */
export function referencedFiles( entry ) {
	return [
		...new Set(
			entry.references.map( ( reference ) =>
				reference.replace( /:\d+$/, '' )
			)
		),
	].sort();
}

/**
 * The translation files of a locale's .po, as the build writes them.
 *
 * @param {string} poFile Path of languages/causerie-connector-<locale>.po.
 * @return {{locale: string, mo: string, json: Map<string, string>}} The .mo's path, and each JSON file's contents by path.
 */
export function outputsOf( poFile ) {
	const { header, entries } = parsePo(
		fs.readFileSync( poFile, 'utf8' ),
		poFile
	);
	const fields = headerFields( header );
	const locale = path.basename( poFile, '.po' ).slice( DOMAIN.length + 1 );
	const base = poFile.slice( 0, -'.po'.length );
	const json = new Map();
	for ( const script of Object.keys( SCRIPTS ) ) {
		const messages = {
			'': {
				domain: 'messages',
				lang: fields.Language || locale,
				'plural-forms':
					fields[ 'Plural-Forms' ] ?? 'nplurals=2; plural=n != 1;',
			},
		};
		for ( const entry of entries ) {
			const translated =
				entry.msgstr.length > 0 &&
				entry.msgstr.every( ( form ) => form !== '' );
			const fromScript = referencedFiles( entry ).some(
				( file ) => scriptOf( file ) === script
			);
			if (
				! entry.obsolete &&
				translated &&
				! entry.flags.includes( 'fuzzy' ) &&
				fromScript
			) {
				messages[ keyOf( entry ) ] = entry.msgstr;
			}
		}
		// WordPress looks a script's translations up by the md5 of its path in the plugin (load_script_textdomain()).
		const file = `${ base }-${ crypto.createHash( 'md5' ).update( script ).digest( 'hex' ) }.json`;
		const data = {
			'translation-revision-date': fields[ 'PO-Revision-Date' ] ?? '',
			generator: 'bin/i18n.sh',
			source: script,
			domain: 'messages',
			locale_data: { messages },
		};
		json.set( file, JSON.stringify( data ) + '\n' );
	}
	return { locale, mo: `${ base }.mo`, json };
}

/**
 * The locales' .po files in languages/.
 *
 * @return {string[]} Their paths.
 */
export function poFiles() {
	return fs
		.readdirSync( 'languages' )
		.filter(
			( name ) =>
				name.startsWith( `${ DOMAIN }-` ) && name.endsWith( '.po' )
		)
		.sort( byCodePoint )
		.map( ( name ) => `languages/${ name }` );
}
