import { useEffect, useState } from '@wordpress/element';

/**
 * The current time in milliseconds, refreshed every interval, for live countdowns.
 *
 * @param intervalMs How often to refresh.
 */
export function useNow( intervalMs = 1000 ): number {
	const [ now, setNow ] = useState( () => Date.now() );

	useEffect( () => {
		const timer = setInterval( () => setNow( Date.now() ), intervalMs );
		return () => clearInterval( timer );
	}, [ intervalMs ] );

	return now;
}
