import { looksLikeAddress } from '../../../src/setup/address';
import { documentationLink } from '../../../src/shared/documentation';
import {
	chosenCount,
	initialChoice,
	typeLabel,
} from '../../../src/setup/content';
import { scopesAfterRefusal } from '../../../src/setup/narrowing';
import {
	nextStep,
	progressText,
	STEPS,
	stepTitle,
} from '../../../src/setup/steps';
import type { SyncPostType } from '../../../src/shared/types';

const TYPES: SyncPostType[] = [
	{ name: 'post', label: 'Posts', count: 12, chosen: false },
	{ name: 'page', label: 'Pages', count: 3, chosen: false },
	{ name: 'product', label: 'Products', count: 40, chosen: false },
];

describe( 'the steps of the first run', () => {
	it( 'are five, in the order the owner goes through them', () => {
		expect( STEPS ).toEqual( [
			'address',
			'credentials',
			'content',
			'chatbot',
			'done',
		] );
	} );

	it( 'announce where the owner is, by number and heading', () => {
		expect( progressText( 'credentials' ) ).toBe(
			'Step 2 of 5: Paste your Client ID and secret'
		);
		expect( progressText( 'done' ) ).toBe(
			'Step 5 of 5: Your chatbot is ready'
		);
	} );

	it( 'go on one at a time and stop at the last', () => {
		expect( nextStep( 'address' ) ).toBe( 'credentials' );
		expect( nextStep( 'chatbot' ) ).toBe( 'done' );
		expect( nextStep( 'done' ) ).toBe( 'done' );
	} );

	it( 'have headings without jargon', () => {
		for ( const step of STEPS ) {
			expect( stepTitle( step ) ).not.toMatch(
				/scope|JWT|token|environment profile|OAuth|endpoint|issuer|[a-z]+:[a-z]+/i
			);
		}
	} );
} );

describe( 'the content of the knowledge base', () => {
	it( 'starts from what the server has chosen', () => {
		const chosen = TYPES.map( ( type ) => ( {
			...type,
			chosen: type.name === 'product',
		} ) );

		expect( initialChoice( chosen ) ).toEqual( [ 'product' ] );
	} );

	it( 'starts from posts and pages when nothing is chosen yet', () => {
		expect( initialChoice( TYPES ) ).toEqual( [ 'post', 'page' ] );
	} );

	it( 'offers only the defaults the site has', () => {
		expect(
			initialChoice( TYPES.filter( ( type ) => type.name !== 'post' ) )
		).toEqual( [ 'page' ] );
	} );

	it( 'counts the posts the chosen types send', () => {
		expect( chosenCount( TYPES, [ 'page', 'product' ] ) ).toBe( 43 );
		expect( chosenCount( TYPES, [] ) ).toBe( 0 );
	} );

	it( 'labels each type with how many are published', () => {
		expect( typeLabel( TYPES[ 1 ]! ) ).toBe( 'Pages (3 published)' );
	} );
} );

describe( 'the API address', () => {
	it.each( [
		[ 'https://api.causerie.example', true ],
		[ '  https://api.causerie.example/  ', true ],
		[ 'http://127.0.0.1:8877', true ],
		[ 'http://localhost:8877', true ],
		[ 'https://api', false ],
		[ 'https://', false ],
		[ 'api.causerie.example', false ],
		[ 'ftp://api.causerie.example', false ],
		[ 'javascript:alert(1)', false ],
		[ '', false ],
	] )( '%j is worth asking about: %s', ( text, expected ) => {
		expect( looksLikeAddress( text ) ).toBe( expected );
	} );

	it( 'links only to a web page the server names', () => {
		expect(
			documentationLink( 'https://causerie.example/docs/credentials' )
		).toBe( 'https://causerie.example/docs/credentials' );
		expect( documentationLink( 'javascript:alert(1)' ) ).toBeNull();
		expect( documentationLink( 'data:text/html,hi' ) ).toBeNull();
		expect( documentationLink( '/docs' ) ).toBeNull();
		expect( documentationLink( null ) ).toBeNull();
	} );
} );

describe( 'the retry after Causerie refused a permission', () => {
	it.each( [
		[
			'asks for every scope but those the server named',
			{ refused: [ 'read:conversations', 'write:knowledge' ] },
			[ 'read:widget' ],
		],
		[
			'asks for what the plugin needs when the server names none',
			{},
			[ 'write:knowledge', 'read:widget' ],
		],
		[
			'asks for nothing more when every scope was refused',
			{
				refused: [
					'read:conversations',
					'write:knowledge',
					'read:widget',
				],
			},
			null,
		],
	] )( '%s', ( _name, evidence, expected ) => {
		expect( scopesAfterRefusal( evidence ) ).toEqual( expected );
	} );
} );
