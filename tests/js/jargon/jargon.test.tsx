/**
 * No raw scope identifier (read:widget) and no raw evidence key (wwwAuthenticate) on the owner's screens.
 * Troubleshooting (token inspector, event log, support report, health rows, "This site") may show them, and
 * explains them; everywhere else a scope is worded by what it allows, with its identifier in small print
 * only, and evidence by its label.
 *
 * The sources are read with TypeScript's own parser: every literal passed to __(), _x(), _n(), _nx() or
 * sprintf(), every JSX text and every text-bearing JSX attribute, in every file under src/ except the
 * Troubleshooting list below, so a new folder is checked as soon as it exists.
 */
import { execFileSync } from 'child_process';
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import * as ts from 'typescript';
import { render } from '@testing-library/react';

import { ScopesField } from '../../../src/connection/credentials/ScopesField';
import { OutcomeNotice } from '../../../src/connection/credentials/OutcomeNotice';
import { FixStep } from '../../../src/connection/wizard/FixStep';
import { WhatHappened } from '../../../src/connection/wizard/WhatHappened';
import { MissingScope } from '../../../src/conversations/MissingScope';
import { EVIDENCE_KEYS } from '../../../src/shared/evidence';
import { SCOPES } from '../../../src/shared/scopes';
import type { Diagnosis } from '../../../src/shared/types';

jest.mock( '@wordpress/api-fetch' );

const ROOT = join( __dirname, '..', '..', '..' );
const SRC = join( ROOT, 'src' );

/** Troubleshooting, where jargon is allowed: paths under src/, a folder when it ends with a slash. */
const TROUBLESHOOTING = [
	// The token inspector, the event log, the support report, the health rows and "This site".
	'troubleshooting/',
	// The health rows' pure module, shared with the status header's summary of them.
	'shared/health/',
];

/** Callees whose string literals reach the screen. */
const TEXT_CALLS = new Set( [ '__', '_x', '_n', '_nx', 'sprintf' ] );
/** JSX attributes whose string literals reach the screen or a screen reader. */
const TEXT_ATTRIBUTES = new Set( [
	'label',
	'help',
	'title',
	'aria-label',
	'placeholder',
	'alt',
	'heading',
	'description',
] );

/**
 * Evidence keys that are not also plain words ("status", "missing"): those are the code names an owner
 * must never read, such as wwwAuthenticate or profileEnvironment.
 */
const CODE_NAMES = EVIDENCE_KEYS.filter( ( key ) => /[A-Z_]/.test( key ) );

function isTroubleshooting( path: string ): boolean {
	return TROUBLESHOOTING.some( ( entry ) =>
		entry.endsWith( '/' ) ? path.startsWith( entry ) : path === entry
	);
}

function sources( folder: string ): string[] {
	return readdirSync( folder ).flatMap( ( name ) => {
		const path = join( folder, name );
		if ( statSync( path ).isDirectory() ) {
			return sources( path );
		}
		return /\.tsx?$/.test( name ) && ! name.endsWith( '.d.ts' )
			? [ path ]
			: [];
	} );
}

function relativeToSrc( path: string ): string {
	return relative( SRC, path ).split( sep ).join( '/' );
}

interface Found {
	where: string;
	text: string;
}

/**
 * The user-facing strings of one source file, with where each one is.
 *
 * @param path The file.
 */
function stringsOf( path: string ): Found[] {
	const file = ts.createSourceFile(
		path,
		readFileSync( path, 'utf8' ),
		ts.ScriptTarget.Latest,
		true,
		path.endsWith( '.tsx' ) ? ts.ScriptKind.TSX : ts.ScriptKind.TS
	);
	const found: Found[] = [];
	const add = ( node: ts.Node, text: string ) => {
		const { line } = file.getLineAndCharacterOfPosition( node.getStart() );
		found.push( {
			where: `${ relativeToSrc( path ) }:${ line + 1 }`,
			text,
		} );
	};
	const isText = ( node: ts.Node ): node is ts.StringLiteralLike =>
		ts.isStringLiteral( node ) ||
		ts.isNoSubstitutionTemplateLiteral( node );
	const visit = ( node: ts.Node ) => {
		if (
			ts.isCallExpression( node ) &&
			ts.isIdentifier( node.expression ) &&
			TEXT_CALLS.has( node.expression.text )
		) {
			node.arguments.filter( isText ).forEach( ( arg ) => {
				add( arg, arg.text );
			} );
		} else if ( ts.isJsxText( node ) && node.text.trim() !== '' ) {
			add( node, node.text.trim() );
		} else if (
			ts.isJsxAttribute( node ) &&
			TEXT_ATTRIBUTES.has( node.name.getText( file ) ) &&
			node.initializer &&
			isText( node.initializer )
		) {
			add( node, node.initializer.text );
		}
		ts.forEachChild( node, visit );
	};
	visit( file );
	return found;
}

/**
 * The jargon in a text: raw scope identifiers and raw evidence keys.
 *
 * @param text What the owner reads.
 */
function jargonIn( text: string ): string[] {
	return [
		...SCOPES.filter( ( scope ) => text.includes( scope ) ),
		...CODE_NAMES.filter( ( key ) =>
			new RegExp( `(^|[^A-Za-z_])${ key }([^A-Za-z_]|$)` ).test( text )
		),
	];
}

function jargonOf( found: Found[] ): string[] {
	return found.flatMap( ( { where, text } ) =>
		jargonIn( text ).map(
			( word ) => `${ where }: ${ word } in "${ text }"`
		)
	);
}

/**
 * What a rendered screen shows outside small print: the text of every node not inside <small>.
 *
 * @param container The rendered screen.
 */
function shownOutsideSmallPrint( container: HTMLElement ): string[] {
	const shown: string[] = [];
	const walker = document.createTreeWalker( container, NodeFilter.SHOW_TEXT );
	for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
		const text = node.textContent?.trim() ?? '';
		if ( text !== '' && ! node.parentElement?.closest( 'small' ) ) {
			shown.push( text );
		}
	}
	return shown;
}

function jargonShown( container: HTMLElement ): string[] {
	return shownOutsideSmallPrint( container ).flatMap( jargonIn );
}

const SCOPE_DIAGNOSIS: Diagnosis = {
	code: 'insufficient_scope',
	severity: 'error',
	title: 'The credentials lack a permission.',
	explanation: 'The app lacks a permission the plugin needs.',
	steps: [],
};

describe( 'The owner’s screens speak without jargon', () => {
	const walked = sources( SRC ).map( relativeToSrc );

	it( 'walks every source file, and the Troubleshooting list names files that exist', () => {
		expect( walked.length ).toBeGreaterThan( 50 );
		expect( walked.some( ( path ) => path.includes( 'wizard' ) ) ).toBe(
			true
		);
		const unmatched = TROUBLESHOOTING.filter(
			( entry ) =>
				! walked.some( ( path ) =>
					entry.endsWith( '/' )
						? path.startsWith( entry )
						: path === entry
				)
		);
		expect( unmatched ).toEqual( [] );
	} );

	it( 'the test knows what jargon looks like', () => {
		expect( jargonIn( 'Missing: write:knowledge.' ) ).toEqual( [
			'write:knowledge',
		] );
		expect( jargonIn( 'wwwAuthenticate: Bearer' ) ).toEqual( [
			'wwwAuthenticate',
		] );
		expect( jargonIn( 'The status of the API' ) ).toEqual( [] );
	} );

	it( 'no string in the sources outside Troubleshooting names a raw scope or evidence key', () => {
		const found = walked
			.filter( ( path ) => ! isTroubleshooting( path ) )
			.flatMap( ( path ) => stringsOf( join( SRC, path ) ) );
		expect( found.length ).toBeGreaterThan( 300 );

		expect( jargonOf( found ) ).toEqual( [] );
	} );

	it( 'no diagnosis text the server sends names a raw scope or evidence key', () => {
		const texts = JSON.parse(
			execFileSync( 'php', [
				join( __dirname, 'catalog-texts.php' ),
			] ).toString()
		) as Record<
			string,
			{ title: string; explanation: string; steps: string[] }
		>;
		const found = Object.entries( texts ).flatMap(
			( [ code, { title, explanation, steps } ] ) =>
				[ title, explanation, ...steps ].map( ( text ) => ( {
					where: `Catalog ${ code }`,
					text,
				} ) )
		);
		expect( found.length ).toBeGreaterThan( 100 );

		expect( jargonOf( found ) ).toEqual( [] );
	} );

	it( 'the permissions field names each scope by what it allows', () => {
		const { container } = render(
			<ScopesField value={ [ ...SCOPES ] } onChange={ jest.fn() } />
		);

		expect( jargonShown( container ) ).toEqual( [] );
	} );

	it( 'a test of the credentials names what they were granted and lack by what it allows', () => {
		const { container } = render(
			<OutcomeNotice
				outcome={ {
					kind: 'verified',
					result: {
						verified: true,
						scopes: [ 'read:widget' ],
						expiresIn: 3600,
					},
				} }
			/>
		);

		expect( jargonShown( container ) ).toEqual( [] );
	} );

	it( 'the wizard’s permission step and evidence use words, not identifiers or keys', () => {
		const evidence = {
			missing: [ 'write:knowledge' ],
			granted: [ 'read:widget' ],
			wwwAuthenticate: 'Bearer error="insufficient_scope"',
			profileEnvironment: 'production',
		};
		const { container } = render(
			<>
				<WhatHappened
					diagnosis={ SCOPE_DIAGNOSIS }
					evidence={ evidence }
				/>
				<FixStep
					kind="scopes"
					diagnosis={ SCOPE_DIAGNOSIS }
					evidence={ evidence }
					settings={ null }
					environmentType="production"
					onFixed={ jest.fn() }
				/>
			</>
		);

		expect( jargonShown( container ) ).toEqual( [] );
		const terms = [ ...container.querySelectorAll( 'dt' ) ].map(
			( term ) => term.textContent
		);
		expect( terms.filter( ( term ) => term && term in evidence ) ).toEqual(
			[]
		);
	} );

	it( 'a conversations read refused for a scope names the permission by what it allows', () => {
		const { container } = render(
			<MissingScope scope="read:conversations" onFix={ jest.fn() } />
		);

		expect( jargonShown( container ) ).toEqual( [] );
	} );
} );
