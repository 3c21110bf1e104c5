import { execFileSync } from 'node:child_process';
import path from 'node:path';

const script = path.resolve( __dirname, '../../bin/e2e-sites.sh' );

/**
 * Installs and serves a fresh site per WordPress line, and stops them when the run ends.
 */
export default function globalSetup(): () => void {
	execFileSync( 'bash', [ script, 'up' ], { stdio: 'inherit' } );
	return () => {
		execFileSync( 'bash', [ script, 'down' ], { stdio: 'inherit' } );
	};
}
