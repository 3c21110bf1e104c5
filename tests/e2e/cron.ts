/**
 * Runs one of the plugin's cron jobs now, as the system's cron would (the built-in PHP server drops WP-Cron's
 * loopback requests).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { siteDirOf } from './widget';

const ROOT = path.resolve( __dirname, '../..' );

/**
 * Fires a cron hook on the site.
 *
 * @param baseURL The site's address.
 * @param hook    The cron hook.
 */
export function runCron( baseURL: string, hook: string ): void {
	execFileSync(
		'php',
		[ path.join( ROOT, 'bin/wp/cron-event-run.php' ), hook ],
		{
			cwd: siteDirOf( baseURL ),
			env: { ...process.env, WP_URL: baseURL },
		}
	);
}
