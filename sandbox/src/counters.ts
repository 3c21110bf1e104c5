import type { EndpointGroup } from './faults';

/** The resources key for a token request that sent no `resource` parameter. */
export const NO_RESOURCE = '(none)';

function emptyRequests(): Record< EndpointGroup, number > {
	return {
		metadata: 0,
		jwks: 0,
		token: 0,
		revoke: 0,
		introspect: 0,
		api: 0,
	};
}

function increment( counts: Record< string, number >, key: string ): void {
	counts[ key ] = ( counts[ key ] ?? 0 ) + 1;
}

/** What happened, for tests and for a person checking that exactly one token request was made. */
export class Counters {
	/** Documents held now, per client: state, not a count, but shown with the counters it is checked against. */
	readonly #held: () => Record< string, number >;

	constructor( held: () => Record< string, number > = () => ( {} ) ) {
		this.#held = held;
	}

	/** clientId → auth method → count */
	tokenRequests: Record< string, Record< string, number > > = {};
	/** HTTP status → count, for /v1 calls */
	apiCalls: Record< string, number > = {};
	/** clientId → accepted revocation requests */
	revocations: Record< string, number > = {};
	/** Endpoint group → requests that reached it, faulted ones included: every outbound call a client made. */
	requests = emptyRequests();
	/** clientId → answered introspection requests */
	introspections: Record< string, number > = {};
	/** RFC 8707 `resource` value (or NO_RESOURCE) → token requests */
	resources: Record< string, number > = {};
	/** clientId → source id → accepted knowledge writes (unchanged ones too) */
	knowledgeWrites: Record< string, Record< string, number > > = {};
	/** clientId → when its first and last accepted knowledge writes came, in ms since the epoch */
	knowledgeWriteSpan: Record< string, { first: number; last: number } > = {};
	/** clientId → source id → delete requests (of absent documents too) */
	knowledgeDeletes: Record< string, Record< string, number > > = {};
	/** clientId → visitor messages the chat service answered */
	chatMessages: Record< string, number > = {};
	/** clientId → leads captured (a conversation makes one at most) */
	leads: Record< string, number > = {};

	countChatMessage( clientId: string ): void {
		increment( this.chatMessages, clientId );
	}

	countLead( clientId: string ): void {
		increment( this.leads, clientId );
	}

	countRevocation( clientId: string ): void {
		increment( this.revocations, clientId );
	}

	countIntrospection( clientId: string ): void {
		increment( this.introspections, clientId );
	}

	countTokenRequest( clientId: string, method: string ): void {
		increment( ( this.tokenRequests[ clientId ] ??= {} ), method );
	}

	/** Counts each value received, a repeated parameter's too, so that a test sees exactly what was sent. */
	countResources( values: string[] ): void {
		for ( const value of values.length > 0 ? values : [ NO_RESOURCE ] ) {
			increment( this.resources, value );
		}
	}

	countKnowledgeWrite( clientId: string, sourceId: string ): void {
		increment( ( this.knowledgeWrites[ clientId ] ??= {} ), sourceId );
		const now = Date.now();
		( this.knowledgeWriteSpan[ clientId ] ??= {
			first: now,
			last: now,
		} ).last = now;
	}

	countKnowledgeDelete( clientId: string, sourceId: string ): void {
		increment( ( this.knowledgeDeletes[ clientId ] ??= {} ), sourceId );
	}

	countApiCall( status: number ): void {
		increment( this.apiCalls, String( status ) );
	}

	countRequest( group: EndpointGroup ): void {
		this.requests[ group ] += 1;
	}

	reset(): void {
		this.tokenRequests = {};
		this.apiCalls = {};
		this.revocations = {};
		this.requests = emptyRequests();
		this.introspections = {};
		this.resources = {};
		this.knowledgeWrites = {};
		this.knowledgeWriteSpan = {};
		this.knowledgeDeletes = {};
		this.chatMessages = {};
		this.leads = {};
	}

	/** What GET /counters answers: the counts, and the documents held per client. */
	toJSON(): this & { knowledgeDocuments: Record< string, number > } {
		return { ...this, knowledgeDocuments: this.#held() };
	}
}
