import {
	allLeads,
	csvCell,
	leadsCsv,
	leadsFileName,
	toCsv,
} from '../../../src/conversations/csv';
import type { Lead, LeadPage } from '../../../src/shared/types';

function lead( id: string, overrides: Partial< Lead > = {} ): Lead {
	return {
		id,
		conversationId: `conv_${ id }`,
		email: `${ id }@example.com`,
		phone: null,
		capturedAt: '2026-12-07T09:13:10.000Z',
		origin: 'https://shop.example.test',
		...overrides,
	};
}

describe( 'csvCell', () => {
	it.each( [
		[ 'plain text stays as it is', 'jane@example.com', 'jane@example.com' ],
		[ 'an empty value is an empty cell', null, '' ],
		[ 'a comma is quoted', 'Paris, France', '"Paris, France"' ],
		[ 'a quote is doubled and quoted', 'say "hi"', '"say ""hi"""' ],
		[ 'a line break is quoted', 'one\ntwo', '"one\ntwo"' ],
		[ 'a carriage return is quoted', 'one\r\ntwo', '"one\r\ntwo"' ],
	] )( '%s', ( _name, value, expected ) => {
		expect( csvCell( value ) ).toBe( expected );
	} );

	it.each( [
		[
			'equals',
			'=HYPERLINK("http://evil.test","x")',
			`"'=HYPERLINK(""http://evil.test"",""x"")"`,
		],
		[ 'plus', '+33 6 12 34 56 78', "'+33 6 12 34 56 78" ],
		[ 'minus', '-2+3', "'-2+3" ],
		[ 'at', '@SUM(A1)', "'@SUM(A1)" ],
		[ 'tab', '\t=1+1', "'\t=1+1" ],
		[ 'carriage return', '\r=1+1', `"'\r=1+1"` ],
	] )(
		'a cell starting with %s cannot run as a formula',
		( _name, value, expected ) => {
			expect( csvCell( value ) ).toBe( expected );
		}
	);

	it( 'leaves a formula character inside the text alone', () => {
		expect( csvCell( 'a=b+c-d@e' ) ).toBe( 'a=b+c-d@e' );
	} );
} );

describe( 'toCsv', () => {
	it( 'ends every row with CRLF', () => {
		expect(
			toCsv( [
				[ 'a', 'b' ],
				[ null, 'c,d' ],
			] )
		).toBe( 'a,b\r\n,"c,d"\r\n' );
	} );
} );

describe( 'leadsCsv', () => {
	it( 'writes a header and one row per lead, empty for a missing email or phone', () => {
		expect(
			leadsCsv( [
				lead( 'lead_1' ),
				lead( 'lead_2', { email: null, phone: '+1 555 0100' } ),
			] )
		).toBe(
			'id,conversationId,email,phone,capturedAt,origin\r\n' +
				'lead_1,conv_lead_1,lead_1@example.com,,2026-12-07T09:13:10.000Z,https://shop.example.test\r\n' +
				"lead_2,conv_lead_2,,'+1 555 0100,2026-12-07T09:13:10.000Z,https://shop.example.test\r\n"
		);
	} );
} );

describe( 'allLeads', () => {
	it( 'walks every page from the first, passing each next cursor back', async () => {
		const pages: Record< string, LeadPage > = {
			first: {
				leads: [ lead( 'a' ), lead( 'b' ) ],
				nextCursor: 'c1',
				hasMore: true,
			},
			c1: { leads: [ lead( 'c' ) ], nextCursor: 'c2', hasMore: false },
		};
		const fetchPage = jest.fn( async ( cursor: string | null ) => {
			const page = pages[ cursor ?? 'first' ];
			if ( ! page ) {
				throw new Error( `unexpected cursor ${ cursor }` );
			}
			return page;
		} );

		const leads = await allLeads( fetchPage );

		expect( leads.map( ( { id } ) => id ) ).toEqual( [ 'a', 'b', 'c' ] );
		expect( fetchPage.mock.calls ).toEqual( [ [ null ], [ 'c1' ] ] );
	} );

	it( 'stops when a page claims more but repeats the cursor it was given', async () => {
		const fetchPage = jest.fn( async ( cursor: string | null ) => ( {
			leads: cursor ? [] : [ lead( 'a' ) ],
			nextCursor: 'same',
			hasMore: true,
		} ) );

		expect( await allLeads( fetchPage ) ).toHaveLength( 1 );
		expect( fetchPage ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'passes a failed page on', async () => {
		await expect(
			allLeads( () =>
				Promise.reject( {
					code: 'causerie_missing_scope',
					message: 'No',
				} )
			)
		).rejects.toEqual( { code: 'causerie_missing_scope', message: 'No' } );
	} );
} );

describe( 'leadsFileName', () => {
	it( "names the file by the admin's local date", () => {
		expect( leadsFileName( new Date( 2026, 11, 7, 0, 30 ) ) ).toBe(
			'causerie-leads-2026-12-07.csv'
		);
	} );
} );
