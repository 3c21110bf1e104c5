/**
 * Leads as CSV (RFC 4180), safe to open in a spreadsheet.
 */
import type { Lead } from '../shared/types';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); tab and carriage
// return count too, since some spreadsheets drop them and then read what follows.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The columns, named as in the REST answer and `wp causerie conversations list --leads`. */
export const LEAD_COLUMNS = [
	'id',
	'conversationId',
	'email',
	'phone',
	'capturedAt',
	'origin',
] as const;

/**
 * One cell: an apostrophe before a formula's first character, then quoted when it holds a quote, a comma
 * or a line break.
 *
 * @param value The cell's value; null is an empty cell.
 */
export function csvCell( value: string | null ): string {
	if ( value === null ) {
		return '';
	}
	const text = FORMULA_START.test( value ) ? `'${ value }` : value;
	return NEEDS_QUOTES.test( text )
		? `"${ text.replace( /"/g, '""' ) }"`
		: text;
}

/**
 * Rows as CSV, each line ended by CRLF.
 *
 * @param rows The cells of each row.
 */
export function toCsv( rows: ReadonlyArray< ReadonlyArray< string | null > > ) {
	return rows
		.map( ( row ) => row.map( csvCell ).join( ',' ) + '\r\n' )
		.join( '' );
}

/**
 * The leads as CSV, with a header row.
 *
 * @param leads The leads, in the order to write them.
 */
export function leadsCsv( leads: readonly Lead[] ): string {
	return toCsv( [
		LEAD_COLUMNS,
		...leads.map( ( lead ) =>
			LEAD_COLUMNS.map( ( column ) => lead[ column ] )
		),
	] );
}

/**
 * Every lead, page after page, oldest first. It stops if a page claims more but gives a cursor it already
 * gave, rather than asking for the same page forever.
 *
 * @param fetchPage Reads one page from a cursor (null: the first).
 */
export async function allLeads(
	fetchPage: (
		cursor: string | null
	) => Promise< { leads: Lead[]; nextCursor: string; hasMore: boolean } >
): Promise< Lead[] > {
	const leads: Lead[] = [];
	let cursor: string | null = null;
	for (;;) {
		const page = await fetchPage( cursor );
		leads.push( ...page.leads );
		if ( ! page.hasMore || page.nextCursor === cursor ) {
			return leads;
		}
		cursor = page.nextCursor;
	}
}

/**
 * causerie-leads-<date>.csv
 *
 * @param now The moment of the export.
 */
export function leadsFileName( now: Date ): string {
	const pad = ( part: number ) => String( part ).padStart( 2, '0' );
	// The admin's own date, not UTC's.
	return `causerie-leads-${ now.getFullYear() }-${ pad(
		now.getMonth() + 1
	) }-${ pad( now.getDate() ) }.csv`;
}
