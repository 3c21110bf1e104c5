/**
 * Durations and moments in the admin's language, through Intl so that a French admin reads French.
 */

function locale(): string {
	return document.documentElement.lang || 'en';
}

const UNITS: Array< [ Intl.RelativeTimeFormatUnit, number ] > = [
	[ 'day', 86400 ],
	[ 'hour', 3600 ],
	[ 'minute', 60 ],
	[ 'second', 1 ],
];

/**
 * A duration with its two largest units, such as "2 h 5 min" or "45 s".
 *
 * @param seconds A duration; the sign is ignored.
 */
export function formatDuration( seconds: number ): string {
	let left = Math.round( Math.abs( seconds ) );
	const parts: string[] = [];
	for ( const [ unit, size ] of UNITS ) {
		const count = Math.floor( left / size );
		if ( count > 0 || ( unit === 'second' && parts.length === 0 ) ) {
			parts.push(
				new Intl.NumberFormat( locale(), {
					style: 'unit',
					unit,
					unitDisplay: 'short',
				} ).format( count )
			);
			left -= count * size;
		}
		if ( parts.length === 2 ) {
			break;
		}
	}
	return parts.join( ' ' );
}

/**
 * "3 minutes ago" or "in 48 minutes".
 *
 * @param iso An ISO 8601 moment.
 * @param now The current time in milliseconds.
 */
export function formatRelative( iso: string, now: number ): string {
	const seconds = Math.round( ( Date.parse( iso ) - now ) / 1000 );
	const format = new Intl.RelativeTimeFormat( locale(), { numeric: 'auto' } );
	for ( const [ unit, size ] of UNITS ) {
		if ( Math.abs( seconds ) >= size || unit === 'second' ) {
			return format.format( Math.trunc( seconds / size ), unit );
		}
	}
	return format.format( 0, 'second' );
}

/**
 * A moment as a local date and time, for a tooltip or a table.
 *
 * @param iso An ISO 8601 moment.
 */
export function formatMoment( iso: string ): string {
	return new Intl.DateTimeFormat( locale(), {
		dateStyle: 'medium',
		timeStyle: 'medium',
	} ).format( new Date( iso ) );
}

/**
 * The local time of a moment, such as "20:01", with its date when it is not today.
 *
 * @param iso An ISO 8601 moment.
 * @param now The current time in milliseconds.
 */
export function formatClockTime(
	iso: string,
	now: number = Date.now()
): string {
	const date = new Date( iso );
	const today = new Date( now ).toDateString() === date.toDateString();
	return new Intl.DateTimeFormat(
		locale(),
		today
			? { timeStyle: 'short' }
			: { dateStyle: 'medium', timeStyle: 'short' }
	).format( date );
}
