/**
 * Injected failures: the next N requests to an endpoint group fail in a chosen way, and latency.
 */
export const ENDPOINTS = [
	'metadata',
	'jwks',
	'token',
	'revoke',
	'introspect',
	'api',
	'all',
] as const;
export type Endpoint = ( typeof ENDPOINTS )[ number ];

export const FAULT_MODES = [
	'500',
	'502',
	'503',
	'429',
	'html',
	'truncated',
	'hang',
] as const;
export type FaultMode = ( typeof FAULT_MODES )[ number ];

export interface Fault {
	endpoint: Endpoint;
	mode: FaultMode;
	remaining: number;
	/** Seconds, for 429. */
	retryAfter: number;
}

export class FaultPlan {
	private faults: Fault[] = [];
	private latency: Partial< Record< Endpoint, number > > = {};

	add( fault: Omit< Fault, 'remaining' > & { count: number } ): Fault {
		const entry: Fault = {
			endpoint: fault.endpoint,
			mode: fault.mode,
			remaining: fault.count,
			retryAfter: fault.retryAfter,
		};
		this.faults.push( entry );
		return entry;
	}

	/**
	 * Takes the fault that applies to this request, if any, and counts it down.
	 */
	take( endpoint: Endpoint ): Fault | undefined {
		const fault = this.faults.find(
			( entry ) =>
				entry.remaining > 0 &&
				( entry.endpoint === endpoint || entry.endpoint === 'all' )
		);
		if ( fault ) {
			fault.remaining -= 1;
			this.faults = this.faults.filter(
				( entry ) => entry.remaining > 0
			);
		}
		return fault;
	}

	setLatency( endpoint: Endpoint, ms: number ): void {
		this.latency[ endpoint ] = ms;
	}

	latencyFor( endpoint: Endpoint ): number {
		return Math.max( this.latency[ endpoint ] ?? 0, this.latency.all ?? 0 );
	}

	describe(): {
		faults: Fault[];
		latencyMs: Partial< Record< Endpoint, number > >;
	} {
		return {
			faults: this.faults.map( ( fault ) => ( { ...fault } ) ),
			latencyMs: { ...this.latency },
		};
	}

	clear(): void {
		this.faults = [];
		this.latency = {};
	}
}

/** What happened, for tests and for a person checking that exactly one token request was made. */
export class Counters {
	/** clientId → auth method → count */
	tokenRequests: Record< string, Record< string, number > > = {};
	/** HTTP status → count, for /v1 calls */
	apiCalls: Record< string, number > = {};
	/** clientId → accepted revocation requests */
	revocations: Record< string, number > = {};

	countRevocation( clientId: string ): void {
		this.revocations[ clientId ] =
			( this.revocations[ clientId ] ?? 0 ) + 1;
	}

	countTokenRequest( clientId: string, method: string ): void {
		const perClient = ( this.tokenRequests[ clientId ] ??= {} );
		perClient[ method ] = ( perClient[ method ] ?? 0 ) + 1;
	}

	countApiCall( status: number ): void {
		this.apiCalls[ String( status ) ] =
			( this.apiCalls[ String( status ) ] ?? 0 ) + 1;
	}

	reset(): void {
		this.tokenRequests = {};
		this.apiCalls = {};
		this.revocations = {};
	}
}
