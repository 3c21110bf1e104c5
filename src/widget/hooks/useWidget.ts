import { fetchWidget, saveWidget } from '../../shared/api/widget';
import { useRequest } from '../../shared/hooks/useRequest';
import type {
	RestError,
	WidgetSettings,
	WidgetStatus,
} from '../../shared/types';

export interface WidgetState {
	/** What the server holds; null while loading or when loading failed. */
	data: WidgetStatus | null;
	isBusy: boolean;
	/** Why the last load or save failed; cleared by the next one. */
	error: RestError | null;
	/** Resolves true once the server saved the changes; the data changes only then. */
	save: ( changes: Partial< WidgetSettings > ) => Promise< boolean >;
}

// Reading and saving answer with the same status, so one request state serves both.
function readOrSave(
	changes?: Partial< WidgetSettings >
): Promise< WidgetStatus > {
	return changes === undefined ? fetchWidget() : saveWidget( changes );
}

/**
 * The chatbot's settings, read from the server and written back to it.
 */
export function useWidget(): WidgetState {
	const { data, isBusy, error, run } = useRequest( readOrSave, {
		args: [],
	} );
	return { data, isBusy, error, save: run };
}
