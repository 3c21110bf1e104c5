import type { StoredDocument } from './knowledge';

/** Words that say nothing about what a visitor is after, in the two languages the sample sites use. */
const STOP_WORDS = new Set( [
	...'a an and are as at be can do does for from how i in is it me my of on or our the this to what when where which who why will with you your'.split(
		' '
	),
	...'au aux ce ces comment dans de des du en est et il je la le les leur ma mes mon ou où par pour quand que quel quelle qui sur un une vos votre vous'.split(
		' '
	),
] );

/** Longest excerpt quoted, in characters. */
const MAX_EXCERPT = 320;

export const FALLBACK_ANSWER =
	"I couldn't find that on this site. Could you put it another way, or leave your email and the team will get back to you?";

export interface Source {
	source_id: string;
	title: string;
	url: string | null;
}

export interface Answer {
	text: string;
	/** The documents quoted: one, or none for the fallback. */
	sources: Source[];
}

/** Lowercase words of two or more letters or digits, minus stop words. */
export function keywords( text: string ): Set< string > {
	return new Set(
		text
			.toLowerCase()
			.split( /[^\p{L}\p{N}]+/u )
			.filter( ( word ) => word.length > 1 && ! STOP_WORDS.has( word ) )
	);
}

function overlap( wanted: Set< string >, text: string ): number {
	const words = keywords( text );
	return [ ...wanted ].filter( ( word ) => words.has( word ) ).length;
}

/** Paragraphs, then sentences; headings are titles, not answers, and list marks are taken off. */
function sentencesOf( content: string ): string[] {
	return content
		.split( /\n\s*\n/ )
		.flatMap( ( paragraph ) =>
			paragraph
				.replace( /^\s*#+\s.*$/gm, '' )
				.replace( /^\s*([-*+]|\d+\.)\s+/gm, '' )
				.replace( /\s+/g, ' ' )
				.trim()
				.split( /(?<=[.!?])\s+/ )
		)
		.filter( ( sentence ) => sentence !== '' );
}

function excerpt( document: StoredDocument, wanted: Set< string > ): string {
	const sentences = sentencesOf( document.content );
	let best = sentences[ 0 ] ?? document.title;
	let bestScore = 0;
	for ( const sentence of sentences ) {
		const score = overlap( wanted, sentence );
		if ( score > bestScore ) {
			best = sentence;
			bestScore = score;
		}
	}
	return best.length > MAX_EXCERPT
		? best.slice( 0, MAX_EXCERPT - 1 ).trimEnd() + '…'
		: best;
}

/**
 * The sandbox bot: the document sharing the most keywords with the question (title, terms and content; ties by
 * source id), answered with its best-matching sentence and quoted as the source. Deterministic, so a test can
 * tell which synced page an answer came from.
 */
export function answer(
	question: string,
	documents: StoredDocument[]
): Answer {
	const wanted = keywords( question );
	let best: StoredDocument | undefined;
	let bestScore = 0;
	const ordered = [ ...documents ].sort( ( a, b ) =>
		a.source_id < b.source_id ? -1 : 1
	);
	for ( const document of ordered ) {
		const score = overlap(
			wanted,
			[ document.title, ...document.terms, document.content ].join( ' ' )
		);
		if ( score > bestScore ) {
			best = document;
			bestScore = score;
		}
	}
	if ( ! best ) {
		return { text: FALLBACK_ANSWER, sources: [] };
	}
	return {
		text: excerpt( best, wanted ),
		sources: [
			{
				source_id: best.source_id,
				title: best.title,
				url: best.url ?? null,
			},
		],
	};
}
