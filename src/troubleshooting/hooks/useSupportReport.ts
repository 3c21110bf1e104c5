import { useCallback } from '@wordpress/element';

import { fetchReport } from '../../shared/api/troubleshooting';
import { useRequest } from '../../shared/hooks/useRequest';
import type { RestError, SupportReportResponse } from '../../shared/types';

export interface UseSupportReport {
	/** The last report made; null until one is asked for. */
	data: SupportReportResponse | null;
	isBusy: boolean;
	error: RestError | null;
	/** Makes a fresh report. */
	load: () => void;
}

/**
 * Makes the support report on request only: it reads the event log and the checks, so it isn't free.
 */
export function useSupportReport(): UseSupportReport {
	const { data, isBusy, error, run } = useRequest( fetchReport );
	const load = useCallback( () => void run(), [ run ] );

	return { data, isBusy, error, load };
}
