import { useCallback, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	fetchStatus,
	runChecks as postChecks,
} from '../../shared/api/connection';
import { useRequest } from '../../shared/hooks/useRequest';
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

interface Checked {
	status: ConnectionStatus;
	checks: ChecksRun | null;
}

/**
 * Runs the checks, then reads the status they left.
 *
 * @param signal Aborts the wait when WordPress itself does not answer in time.
 */
async function checkAndRead( signal: AbortSignal ): Promise< Checked > {
	try {
		const checks = await postChecks( signal );
		return { checks, status: await fetchStatus() };
	} catch ( reason ) {
		if ( ! signal.aborted ) {
			throw reason;
		}
		const timeout: RestError = {
			code: 'causerie_checks_timeout',
			message: sprintf(
				/* translators: %d: seconds */
				__(
					'The checks did not finish within %d seconds: WordPress or the API is not answering. The results below are from the previous run.',
					'causerie-connector'
				),
				CHECKS_TIMEOUT_MS / 1000
			),
		};
		throw timeout;
	}
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
	// The status the last run read, for runChecks to resolve with.
	const answered = useRef< ConnectionStatus | null >( null );
	const { data, isBusy, error, run } = useRequest(
		( signal: AbortSignal ) =>
			checkAndRead( signal ).then( ( answer ) => {
				answered.current = answer.status;
				return answer;
			} ),
		{ initial: { status: initialStatus, checks: initialChecks } }
	);

	const runChecks = useCallback( async () => {
		const controller = new AbortController();
		// Cleared in `finally`, whichever way the run ends.
		// eslint-disable-next-line @wordpress/no-unused-vars-before-return
		const timer = setTimeout( () => controller.abort(), CHECKS_TIMEOUT_MS );
		answered.current = null;
		try {
			return ( await run( controller.signal ) ) ? answered.current : null;
		} finally {
			clearTimeout( timer );
		}
	}, [ run ] );

	return {
		status: data?.status ?? initialStatus,
		checks: data ? data.checks : initialChecks,
		isChecking: isBusy,
		checkError: error,
		runChecks,
	};
}
