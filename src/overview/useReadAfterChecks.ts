import { useEffect, useRef } from '@wordpress/element';

/**
 * Sends a card's read again after each run of the checks, which may have changed what it shows (a fixed
 * connection shows a hidden chatbot again, lifts a paused sync). The first read is the card's own.
 *
 * @param run       Sends the read again (useRequest's `run`).
 * @param checkedAt When the checks last ran.
 */
export function useReadAfterChecks(
	run: () => Promise< boolean >,
	checkedAt: string | null
): void {
	const seen = useRef( checkedAt );
	useEffect( () => {
		if ( checkedAt !== seen.current ) {
			seen.current = checkedAt;
			void run();
		}
	}, [ checkedAt, run ] );
}
