// Reads and writes gettext PO files, and reads compiled MO files: just what the translation scripts need.

/**
 * @typedef {Object} Entry
 * @property {string|undefined} msgctxt      The context (`_x()`), if any.
 * @property {string}           msgid        The original string.
 * @property {string|undefined} msgid_plural The original plural (`_n()`), if any.
 * @property {string[]}         msgstr       One string, or one per plural form.
 * @property {string[]}         translator   Translator comments (`# `).
 * @property {string[]}         extracted    Comments for translators taken from the code (`#.`).
 * @property {string[]}         references   `file:line` (`#:`).
 * @property {string[]}         flags        Such as fuzzy or php-format (`#,`).
 * @property {boolean}          obsolete     A `#~` entry that msgmerge keeps for strings no longer in the code.
 */

/**
 * The key WordPress and gettext look translations up by: the context, an EOT, then the string.
 *
 * @param {{msgctxt?: string, msgid: string}} entry
 * @return {string} The key.
 */
export function keyOf( entry ) {
	return entry.msgctxt === undefined
		? entry.msgid
		: `${ entry.msgctxt }\u0004${ entry.msgid }`;
}

const ESCAPES = {
	n: '\n',
	t: '\t',
	r: '\r',
	'"': '"',
	'\\': '\\',
	a: '\x07',
	b: '\b',
	f: '\f',
	v: '\v',
};

function unquote( text, where ) {
	const match = /^"(.*)"$/.exec( text.trim() );
	if ( ! match ) {
		throw new Error(
			`${ where }: expected a quoted string, found ${ text }`
		);
	}
	return match[ 1 ].replace(
		/\\(.)/g,
		( all, char ) => ESCAPES[ char ] ?? all
	);
}

/**
 * Parses a PO or POT file. The header is the entry whose msgid is empty.
 *
 * @param {string} text The file's contents.
 * @param {string} name The file's name, for error messages.
 * @return {{header: Entry|undefined, entries: Entry[]}} The header and the other entries, in file order.
 */
export function parsePo( text, name = 'po' ) {
	const entries = [];
	let entry = null;
	let current = null; // [ key, index ] of the string that continuation lines extend
	const fresh = () => ( {
		msgctxt: undefined,
		msgid: '',
		msgid_plural: undefined,
		msgstr: [],
		translator: [],
		extracted: [],
		references: [],
		flags: [],
		obsolete: false,
		started: false,
	} );
	const finish = () => {
		if ( entry && entry.started ) {
			delete entry.started;
			entries.push( entry );
		}
		entry = null;
		current = null;
	};
	text.split( /\r?\n/ ).forEach( ( raw, index ) => {
		const where = `${ name }:${ index + 1 }`;
		let line = raw;
		if ( line.trim() === '' ) {
			finish();
			return;
		}
		let obsolete = false;
		if ( line.startsWith( '#~' ) ) {
			obsolete = true;
			line = line.slice( 2 ).trimStart();
			if ( line.startsWith( '|' ) ) {
				return; // the previous string of an obsolete entry
			}
		}
		if ( ! obsolete && line.startsWith( '#' ) ) {
			if ( entry && entry.started ) {
				finish(); // a comment after the strings starts the next entry
			}
			entry ??= fresh();
			const kind = line[ 1 ];
			const rest = line.slice( 2 ).trim();
			if ( kind === '.' ) {
				entry.extracted.push( rest );
			} else if ( kind === ':' ) {
				entry.references.push(
					...rest.split( /\s+/ ).filter( Boolean )
				);
			} else if ( kind === ',' ) {
				entry.flags.push(
					...rest
						.split( ',' )
						.map( ( flag ) => flag.trim() )
						.filter( Boolean )
				);
			} else if ( kind !== '|' ) {
				entry.translator.push( line.slice( 1 ).replace( /^ /, '' ) );
			}
			return;
		}
		entry ??= fresh();
		entry.obsolete ||= obsolete;
		const keyword =
			/^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")\s*$/.exec(
				line
			);
		if ( keyword ) {
			const [ , key, plural, value ] = keyword;
			if (
				( key === 'msgctxt' ||
					( key === 'msgid' && entry.msgctxt === undefined ) ) &&
				entry.started &&
				current?.[ 0 ] === 'msgstr'
			) {
				finish();
				entry = fresh();
				entry.obsolete = obsolete;
			}
			entry.started = true;
			if ( key === 'msgstr' ) {
				const slot = plural === undefined ? 0 : Number( plural );
				entry.msgstr[ slot ] = unquote( value, where );
				current = [ 'msgstr', slot ];
			} else {
				entry[ key ] = unquote( value, where );
				current = [ key ];
			}
			return;
		}
		if ( line.trim().startsWith( '"' ) && current ) {
			const addition = unquote( line, where );
			if ( current[ 0 ] === 'msgstr' ) {
				entry.msgstr[ current[ 1 ] ] += addition;
			} else {
				entry[ current[ 0 ] ] += addition;
			}
			return;
		}
		throw new Error( `${ where }: cannot read line: ${ raw }` );
	} );
	finish();
	const header = entries.find(
		( item ) =>
			item.msgid === '' && item.msgctxt === undefined && ! item.obsolete
	);
	return { header, entries: entries.filter( ( item ) => item !== header ) };
}

/**
 * The header's fields, such as Language or Plural-Forms.
 *
 * @param {Entry|undefined} header
 * @return {Record<string, string>} The fields by name.
 */
export function headerFields( header ) {
	const fields = {};
	for ( const line of ( header?.msgstr[ 0 ] ?? '' ).split( '\n' ) ) {
		const colon = line.indexOf( ':' );
		if ( colon > 0 ) {
			fields[ line.slice( 0, colon ).trim() ] = line
				.slice( colon + 1 )
				.trim();
		}
	}
	return fields;
}

function quote( text ) {
	return `"${ text
		.replace( /\\/g, '\\\\' )
		.replace( /"/g, '\\"' )
		.replace( /\t/g, '\\t' )
		.replace( /\r/g, '\\r' )
		.replace( /\n/g, '\\n' ) }"`;
}

// One line per string, as `--no-wrap` does, except that embedded newlines start a new line.
function field( key, text ) {
	const parts = text.split( /(?<=\n)/ );
	if ( parts.length < 2 ) {
		return `${ key } ${ quote( text ) }`;
	}
	return [ `${ key } ""`, ...parts.map( quote ) ].join( '\n' );
}

/**
 * Writes a PO file.
 *
 * @param {{headerComments: string[], fields: Array<[string, string]>, entries: Entry[]}} po
 * @return {string} The file's contents.
 */
export function serializePo( { headerComments, fields, entries } ) {
	const blocks = [
		[
			...headerComments.map( ( line ) => `# ${ line }`.trimEnd() ),
			'msgid ""',
			'msgstr ""',
			...fields.map( ( [ name, value ] ) =>
				quote( `${ name }: ${ value }\n` )
			),
		].join( '\n' ),
	];
	for ( const entry of entries ) {
		const lines = [
			...entry.translator.map( ( line ) => `# ${ line }`.trimEnd() ),
			...entry.extracted.map( ( line ) => `#. ${ line }` ),
			...entry.references.map( ( reference ) => `#: ${ reference }` ),
		];
		if ( entry.flags.length ) {
			lines.push( `#, ${ entry.flags.join( ', ' ) }` );
		}
		if ( entry.msgctxt !== undefined ) {
			lines.push( field( 'msgctxt', entry.msgctxt ) );
		}
		lines.push( field( 'msgid', entry.msgid ) );
		if ( entry.msgid_plural === undefined ) {
			lines.push( field( 'msgstr', entry.msgstr[ 0 ] ?? '' ) );
		} else {
			lines.push( field( 'msgid_plural', entry.msgid_plural ) );
			const forms = entry.msgstr.length ? entry.msgstr : [ '', '' ];
			forms.forEach( ( form, index ) =>
				lines.push( field( `msgstr[${ index }]`, form ?? '' ) )
			);
		}
		blocks.push( lines.join( '\n' ) );
	}
	return blocks.join( '\n\n' ) + '\n';
}

/**
 * Reads a compiled MO file into its translations, keyed as {@link keyOf} does; plural forms are joined by NUL.
 *
 * @param {Buffer} buffer The file's bytes.
 * @return {Map<string, string>} Translations by key; the header is under the empty key.
 */
export function parseMo( buffer ) {
	const magic = buffer.readUInt32LE( 0 );
	let read;
	if ( magic === 0x950412de ) {
		read = ( offset ) => buffer.readUInt32LE( offset );
	} else if ( magic === 0xde120495 ) {
		read = ( offset ) => buffer.readUInt32BE( offset );
	} else {
		throw new Error( 'not an MO file' );
	}
	const count = read( 8 );
	const originals = read( 12 );
	const translations = read( 16 );
	const string = ( table, index ) => {
		const length = read( table + index * 8 );
		const offset = read( table + index * 8 + 4 );
		return buffer.toString( 'utf8', offset, offset + length );
	};
	const map = new Map();
	for ( let index = 0; index < count; index++ ) {
		// The original holds the plural after a NUL; the key is the singular.
		map.set(
			string( originals, index ).split( '\0' )[ 0 ],
			string( translations, index )
		);
	}
	return map;
}
