import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	fetchStatus,
	runChecks as postChecks,
} from '../../shared/api/connection';
import { toRestError } from '../../shared/api/rest';
import type {
	ChecksRun,
	ConnectionStatus,
	RestError,
} from '../../shared/types';

/**
 * How long the browser waits for the checks. The server bounds each call to the API (5 s by default,
 * a few calls per run); past this, WordPress itself is not answering.
 */
export const CHECKS_TIMEOUT_MS = 45_000;

/**
 * The screen opens from the last known state, and runs the live checks on load only when the last
 * check is older than this: with the API hanging, every run holds a PHP worker for its timeouts.
 */
export const CHECK_AFTER_SECONDS = 300;

/**
 * Whether the last known state is too old to open the screen on without checking again.
 *
 * @param status The status, with the server's age of its last check.
 */
export function isStale( status: ConnectionStatus ): boolean {
	const age = status.checkAgeSeconds;
	return typeof age !== 'number' || age >= CHECK_AFTER_SECONDS;
}

export interface Connection {
	status: ConnectionStatus;
	checks: ChecksRun | null;
	isChecking: boolean;
	/** The last run failed in the browser: WordPress did not answer, or answered an error. */
	checkError: RestError | null;
	runChecks: () => Promise< ConnectionStatus | null >;
}

/**
 * The connection's status and live checks, starting from the preloaded answers so the first paint
 * has them. Running the checks never blocks the screen: the previous results stay until new ones come.
 *
 * @param initialStatus The preloaded status.
 * @param initialChecks The preloaded last checks, or null before any run.
 */
export function useConnection(
	initialStatus: ConnectionStatus,
	initialChecks: ChecksRun | null
): Connection {
	const [ status, setStatus ] = useState( initialStatus );
	const [ checks, setChecks ] = useState( initialChecks );
	const [ isChecking, setIsChecking ] = useState( false );
	const [ checkError, setCheckError ] = useState< RestError | null >( null );
	const mounted = useRef( true );
	useEffect(
		() => () => {
			mounted.current = false;
		},
		[]
	);

	const runChecks = useCallback( async () => {
		setIsChecking( true );
		setCheckError( null );
		const controller = new AbortController();
		// Cleared in `finally`, whichever way the run ends.
		// eslint-disable-next-line @wordpress/no-unused-vars-before-return
		const timer = setTimeout( () => controller.abort(), CHECKS_TIMEOUT_MS );
		try {
			const run = await postChecks( controller.signal );
			const next = await fetchStatus();
			if ( mounted.current ) {
				setChecks( run );
				setStatus( next );
			}
			return next;
		} catch ( reason ) {
			if ( mounted.current ) {
				setCheckError(
					controller.signal.aborted
						? {
								code: 'causerie_checks_timeout',
								message: sprintf(
									/* translators: %d: seconds */
									__(
										'The checks did not finish within %d seconds: WordPress or the API is not answering. The results below are from the previous run.',
										'causerie-connector'
									),
									CHECKS_TIMEOUT_MS / 1000
								),
							}
						: toRestError( reason )
				);
			}
			return null;
		} finally {
			clearTimeout( timer );
			if ( mounted.current ) {
				setIsChecking( false );
			}
		}
	}, [] );

	return { status, checks, isChecking, checkError, runChecks };
}
