import { render } from '@testing-library/react';

import { App, type InitialData } from '../../../src/App';
import { HEALTHY, run, SETTINGS, SITE } from './fixtures';

/**
 * The screen as the settings page mounts it: healthy, with the preloaded answers, and by default no check on
 * load.
 *
 * @param initial     What differs from the healthy preload.
 * @param checkOnLoad Whether the screen checks again on load, as it does when the last state is old.
 */
export function renderApp(
	initial: Partial< InitialData > = {},
	checkOnLoad = false
) {
	return render(
		<App
			initial={ {
				site: SITE,
				status: HEALTHY,
				checks: run(),
				settings: SETTINGS,
				texts: null,
				...initial,
			} }
			checkOnLoad={ checkOnLoad }
		/>
	);
}
