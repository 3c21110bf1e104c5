import { createHash } from 'node:crypto';

import {
	MAX_DOCUMENT_BYTES,
	MAX_TERM_LENGTH,
	MAX_TERMS,
	MAX_TITLE_LENGTH,
	SOURCE_ID,
} from './knowledge-limits';

/** What a site sends for one document. */
export interface DocumentInput {
	title: string;
	url: string;
	language: string;
	modified: string;
	terms: string[];
	content: string;
	content_hash: string;
}

/** Per-item and per-request error codes of the knowledge routes. */
export type DocumentErrorCode = 'invalid_document' | 'document_too_large';

export type Parsed =
	| { ok: true; input: DocumentInput }
	| { ok: false; error: DocumentErrorCode; description: string };

/** RFC 3339 date-time, with a mandatory offset. */
const RFC3339 =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
/** A BCP 47 tag, loosely: `fr`, `fr-FR`, `zh-Hant-TW`. */
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256( content: string ): string {
	return createHash( 'sha256' ).update( content, 'utf8' ).digest( 'hex' );
}

export function isSourceId( value: unknown ): value is string {
	return typeof value === 'string' && SOURCE_ID.test( value );
}

function invalid( description: string ): Parsed {
	return { ok: false, error: 'invalid_document', description };
}

function isHttpUrl( value: string ): boolean {
	try {
		const url = new URL( value );
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Checks a document body. Size first, so that a too-large document is told so whatever else is wrong
 * with it; unknown fields are ignored, for clients newer than the server.
 */
export function parseDocument( body: unknown ): Parsed {
	if ( typeof body !== 'object' || body === null || Array.isArray( body ) ) {
		return invalid( 'A document is a JSON object' );
	}
	const fields = body as Record< string, unknown >;
	const { title, url, language, modified, content } = fields;
	const terms = fields.terms ?? [];
	if ( typeof content !== 'string' ) {
		return invalid( 'content must be a string' );
	}
	const size = Buffer.byteLength( content, 'utf8' );
	if ( size > MAX_DOCUMENT_BYTES ) {
		return {
			ok: false,
			error: 'document_too_large',
			description: `content is ${ size } bytes; the limit is ${ MAX_DOCUMENT_BYTES }`,
		};
	}
	if (
		typeof title !== 'string' ||
		title === '' ||
		title.length > MAX_TITLE_LENGTH
	) {
		return invalid(
			`title must be a non-empty string of at most ${ MAX_TITLE_LENGTH } characters`
		);
	}
	if ( typeof url !== 'string' || ! isHttpUrl( url ) ) {
		return invalid( 'url must be an absolute http or https URL' );
	}
	if ( typeof language !== 'string' || ! LANGUAGE.test( language ) ) {
		return invalid( 'language must be a BCP 47 tag such as fr or fr-FR' );
	}
	if (
		typeof modified !== 'string' ||
		! RFC3339.test( modified ) ||
		Number.isNaN( Date.parse( modified ) )
	) {
		return invalid( 'modified must be an RFC 3339 date-time' );
	}
	if (
		! Array.isArray( terms ) ||
		terms.length > MAX_TERMS ||
		! terms.every(
			( term ) =>
				typeof term === 'string' &&
				term !== '' &&
				term.length <= MAX_TERM_LENGTH
		)
	) {
		return invalid(
			`terms must be an array of at most ${ MAX_TERMS } non-empty strings`
		);
	}
	// Optional: the server computes it anyway; when sent, it proves the content arrived whole.
	if ( fields.content_hash !== undefined ) {
		if (
			typeof fields.content_hash !== 'string' ||
			! SHA256_HEX.test( fields.content_hash )
		) {
			return invalid( 'content_hash must be 64 lowercase hex digits' );
		}
		if ( fields.content_hash !== sha256( content ) ) {
			return invalid(
				"content_hash does not match the content's SHA-256"
			);
		}
	}
	return {
		ok: true,
		input: {
			title,
			url,
			language,
			modified,
			terms: terms as string[],
			content,
			content_hash: sha256( content ),
		},
	};
}
