/** The knowledge base's documented limits (docs/causerie-api.md, "Knowledge base"). */

/** A document's content, in UTF-8 bytes; larger ones get `document_too_large`. */
export const MAX_DOCUMENT_BYTES = 128 * 1024;
/** Items in one batch: 10,000 posts take 100 requests. */
export const MAX_BATCH_ITEMS = 100;
/** A batch body: a full batch of the largest documents, with room for their other fields. */
export const MAX_BATCH_BODY_BYTES = 16 * 1024 * 1024;
/** A single PUT body: larger than any valid document, so the too-large answer is ours, not the parser's. */
export const MAX_DOCUMENT_BODY_BYTES = 1024 * 1024;
/** Listing page sizes. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
/** Source ids in one lookup: a batch's worth, so a client checks a batch it is unsure of in one request. */
export const MAX_LOOKUP_IDS = 100;
/**
 * The request line and headers together. Node's default (16 KiB) is short of a full lookup of the longest
 * ids (about 21 KB of query string); beyond this, 431.
 */
export const MAX_REQUEST_HEAD_BYTES = 32 * 1024;
/** Documents a client may hold on the default plan; the control API changes it. */
export const DEFAULT_DOCUMENT_QUOTA = 50_000;
/** Site-chosen ids: safe in a path segment unescaped, e.g. `site-3f2a9c:post-42`. */
export const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$/;
export const MAX_TITLE_LENGTH = 1000;
export const MAX_TERMS = 200;
export const MAX_TERM_LENGTH = 200;
