import type { Counters } from './counters';
import type { DocumentInput } from './knowledge-documents';
import { DEFAULT_DOCUMENT_QUOTA } from './knowledge-limits';

/** What the store keeps; documents created by the older POST route have no url, language or modified. */
export type DocumentFields = Omit<
	DocumentInput,
	'url' | 'language' | 'modified'
> &
	Partial< Pick< DocumentInput, 'url' | 'language' | 'modified' > >;

export interface StoredDocument extends DocumentFields {
	source_id: string;
	created_at: string;
	updated_at: string;
	/** Goes up by one with each write that changes a field. */
	version: number;
}

/** What a write answers and the listing shows of each document. */
export interface DocumentSummary {
	source_id: string;
	content_hash: string;
	updated_at: string;
	version: number;
}

export type WriteResult = 'created' | 'updated' | 'unchanged';

export function summarize( document: StoredDocument ): DocumentSummary {
	return {
		source_id: document.source_id,
		content_hash: document.content_hash,
		updated_at: document.updated_at,
		version: document.version,
	};
}

const FIELDS = [
	'title',
	'url',
	'language',
	'modified',
	'content',
	'content_hash',
] as const;

function sameFields( a: DocumentFields, b: DocumentFields ): boolean {
	return (
		FIELDS.every( ( field ) => a[ field ] === b[ field ] ) &&
		a.terms.length === b.terms.length &&
		a.terms.every( ( term, index ) => term === b.terms[ index ] )
	);
}

/**
 * Knowledge documents, per client id and keyed by the site's own source id, with the plan's quota.
 * Every accepted write and delete is counted, so a test can prove none was sent twice.
 */
export class KnowledgeBase {
	/** Documents each client may hold. */
	quota = DEFAULT_DOCUMENT_QUOTA;
	private readonly clients = new Map<
		string,
		Map< string, StoredDocument >
	>();

	constructor(
		private readonly nowMs: () => number,
		private readonly counters: Counters
	) {}

	private documentsOf( clientId: string ): Map< string, StoredDocument > {
		let documents = this.clients.get( clientId );
		if ( ! documents ) {
			documents = new Map();
			this.clients.set( clientId, documents );
		}
		return documents;
	}

	has( clientId: string, sourceId: string ): boolean {
		return this.clients.get( clientId )?.has( sourceId ) ?? false;
	}

	held( clientId: string ): number {
		return this.clients.get( clientId )?.size ?? 0;
	}

	/** clientId → documents held, for the counters; clients holding none are left out. */
	heldPerClient(): Record< string, number > {
		return Object.fromEntries(
			[ ...this.clients ]
				.filter( ( [ , documents ] ) => documents.size > 0 )
				.map( ( [ clientId, documents ] ) => [
					clientId,
					documents.size,
				] )
		);
	}

	/** Whether a client holding `held` documents may create one more. */
	allows( held: number ): boolean {
		return held < this.quota;
	}

	/** Creates or replaces; the quota is the caller's to check, before any write of a batch. */
	upsert(
		clientId: string,
		sourceId: string,
		fields: DocumentFields
	): { result: WriteResult; document: StoredDocument } {
		this.counters.countKnowledgeWrite( clientId, sourceId );
		const documents = this.documentsOf( clientId );
		const existing = documents.get( sourceId );
		if ( existing && sameFields( existing, fields ) ) {
			// A retry, or a save that changed nothing the API holds: no new version.
			return { result: 'unchanged', document: existing };
		}
		const now = new Date( this.nowMs() ).toISOString();
		const document: StoredDocument = {
			...fields,
			source_id: sourceId,
			created_at: existing?.created_at ?? now,
			updated_at: now,
			version: ( existing?.version ?? 0 ) + 1,
		};
		documents.set( sourceId, document );
		return { result: existing ? 'updated' : 'created', document };
	}

	remove( clientId: string, sourceId: string ): boolean {
		this.counters.countKnowledgeDelete( clientId, sourceId );
		return this.clients.get( clientId )?.delete( sourceId ) ?? false;
	}

	/**
	 * One page in source id order, after `after`: a document present for the whole walk is seen exactly
	 * once, whatever is written or deleted meanwhile.
	 */
	list(
		clientId: string,
		after: string | undefined,
		limit: number
	): { documents: StoredDocument[]; more: boolean } {
		const ids = [ ...( this.clients.get( clientId )?.keys() ?? [] ) ]
			.filter( ( id ) => after === undefined || id > after )
			.sort();
		const documents = this.documentsOf( clientId );
		return {
			documents: ids
				.slice( 0, limit )
				.flatMap( ( id ) => documents.get( id ) ?? [] ),
			more: ids.length > limit,
		};
	}

	/** Every document a client holds, for the bot to answer from. */
	documents( clientId: string ): StoredDocument[] {
		return [ ...( this.clients.get( clientId )?.values() ?? [] ) ];
	}

	/** The held documents among `sourceIds`, in the order asked, each once; absent ones left out. */
	find( clientId: string, sourceIds: string[] ): StoredDocument[] {
		const documents = this.clients.get( clientId );
		return [ ...new Set( sourceIds ) ].flatMap(
			( id ) => documents?.get( id ) ?? []
		);
	}

	/** An API-side loss of the knowledge base: one client's documents, or everyone's. */
	clear( clientId?: string ): void {
		if ( clientId === undefined ) {
			this.clients.clear();
		} else {
			this.clients.delete( clientId );
		}
	}

	reset(): void {
		this.clear();
		this.quota = DEFAULT_DOCUMENT_QUOTA;
	}
}
