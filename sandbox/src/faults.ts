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
/** The group a route belongs to; `all` is only a target for faults and latency. */
export type EndpointGroup = Exclude< Endpoint, 'all' >;

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
