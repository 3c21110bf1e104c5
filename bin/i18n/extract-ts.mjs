// Finds the translatable strings of the TypeScript app with TypeScript's own parser: xgettext's JavaScript
// lexer misreads JSX and type syntax, and drops a translators comment when Prettier moves the string onto
// the line after `__(`.
import fs from 'node:fs';
import ts from 'typescript';

// @wordpress/i18n's functions: where the string, plural, context and text domain are among the arguments.
const FUNCTIONS = {
	__: { msgid: 0, domain: 1 },
	_x: { msgid: 0, msgctxt: 1, domain: 2 },
	_n: { msgid: 0, plural: 1, domain: 3 },
	_nx: { msgid: 0, plural: 1, msgctxt: 3, domain: 4 },
};

const TRANSLATORS = /^\s*translators:/i;

// A string literal, or literals joined by `+`; undefined for anything computed.
function literal( node ) {
	if ( ! node ) {
		return undefined;
	}
	if (
		ts.isStringLiteral( node ) ||
		ts.isNoSubstitutionTemplateLiteral( node )
	) {
		return node.text;
	}
	if ( ts.isParenthesizedExpression( node ) ) {
		return literal( node.expression );
	}
	if (
		ts.isBinaryExpression( node ) &&
		node.operatorToken.kind === ts.SyntaxKind.PlusToken
	) {
		const left = literal( node.left );
		const right = literal( node.right );
		return left === undefined || right === undefined
			? undefined
			: left + right;
	}
	return undefined;
}

function commentText( text ) {
	const body = text.startsWith( '//' )
		? text.slice( 2 )
		: text.slice( 2, -2 );
	return body
		.split( '\n' )
		.map( ( line ) => line.replace( /^\s*\*?\s?/, '' ).trim() )
		.filter( Boolean )
		.join( ' ' );
}

// The rule of WordPress's own extractors: a translators comment counts when it ends on the line of the
// call or the line before, on the call itself or on a parent that starts on one of those lines.
function translatorsComment( call, file ) {
	const lineOf = ( position ) =>
		file.getLineAndCharacterOfPosition( position ).line;
	const line = lineOf( call.getStart( file ) );
	for (
		let node = call;
		node && ! ts.isSourceFile( node );
		node = node.parent
	) {
		const start = lineOf( node.getStart( file ) );
		if ( start < line - 1 || start > line ) {
			break;
		}
		const ranges =
			ts.getLeadingCommentRanges( file.text, node.getFullStart() ) ?? [];
		for ( const range of [ ...ranges ].reverse() ) {
			const end = lineOf( range.end );
			const text = commentText( file.text.slice( range.pos, range.end ) );
			if ( end >= line - 1 && end <= line && TRANSLATORS.test( text ) ) {
				return text;
			}
		}
	}
	return undefined;
}

/**
 * The translatable strings of TypeScript and JavaScript files, in the order they appear.
 *
 * @param {string[]} files  Paths relative to the current directory; they become the references.
 * @param {string}   domain The text domain every call must use.
 * @return {{entries: Array<{msgctxt?: string, msgid: string, msgid_plural?: string, comment?: string, reference: string}>, errors: string[]}} The strings found, and the calls that could not be read.
 */
export function extractTs( files, domain ) {
	const entries = [];
	const errors = [];
	for ( const path of files ) {
		const kind = /\.[jt]sx$/.test( path )
			? ts.ScriptKind.TSX
			: ts.ScriptKind.TS;
		const file = ts.createSourceFile(
			path,
			fs.readFileSync( path, 'utf8' ),
			ts.ScriptTarget.Latest,
			true,
			kind
		);
		const visit = ( node ) => {
			if ( ts.isCallExpression( node ) ) {
				const callee = ts.isPropertyAccessExpression( node.expression )
					? node.expression.name
					: node.expression;
				const spec =
					ts.isIdentifier( callee ) &&
					Object.hasOwn( FUNCTIONS, callee.text )
						? FUNCTIONS[ callee.text ]
						: undefined;
				if ( spec ) {
					const reference = `${ path }:${ file.getLineAndCharacterOfPosition( node.getStart( file ) ).line + 1 }`;
					const value = ( index ) =>
						index === undefined
							? undefined
							: literal( node.arguments[ index ] );
					const found = {
						msgctxt: value( spec.msgctxt ),
						msgid: value( spec.msgid ),
						msgid_plural: value( spec.plural ),
						comment: translatorsComment( node, file ),
						reference,
					};
					if (
						found.msgid === undefined ||
						( spec.plural !== undefined &&
							found.msgid_plural === undefined ) ||
						( spec.msgctxt !== undefined &&
							found.msgctxt === undefined )
					) {
						errors.push(
							`${ reference }: ${ callee.text }() needs literal strings, or the string cannot be translated`
						);
					} else if ( value( spec.domain ) !== domain ) {
						errors.push(
							`${ reference }: ${ callee.text }() must use the text domain '${ domain }'`
						);
					} else {
						entries.push( found );
					}
				}
			}
			ts.forEachChild( node, visit );
		};
		visit( file );
	}
	return { entries, errors };
}
