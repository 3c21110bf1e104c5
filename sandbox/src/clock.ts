/**
 * The sandbox's own clock, which the control API can move away from real time. Everything the
 * server does with time (issuing, verifying, the Date header) reads it, as a real server with a
 * wrong clock would.
 */
export class Clock {
	private skewSeconds = 0;

	/** Milliseconds since the epoch, skewed. */
	nowMs(): number {
		return Date.now() + this.skewSeconds * 1000;
	}

	/** Seconds since the epoch, skewed, as JWT NumericDate. */
	nowSeconds(): number {
		return Math.floor( this.nowMs() / 1000 );
	}

	get skew(): number {
		return this.skewSeconds;
	}

	setSkew( seconds: number ): void {
		this.skewSeconds = seconds;
	}
}
