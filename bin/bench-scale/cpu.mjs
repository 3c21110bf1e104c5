// CPU time used by some processes and everything under them, from /proc: each one's own ticks, those of the
// children it has reaped, and those of its descendants still running. The difference between two readings is
// what ran under those processes between them, whichever child did the work; nothing else on the machine
// counts. Run alone, it prints the CPU seconds of every process whose pid file is in a cluster's folder:
//
//   node bin/bench-scale/cpu.mjs CLUSTER_DIR
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const TICKS_PER_SECOND = Number(
	execFileSync( 'getconf', [ 'CLK_TCK' ], { encoding: 'utf8' } )
);

// A process's parent and ticks (its own, and its reaped children's), from /proc/PID/stat; null once gone.
function stat( pid ) {
	let text;
	try {
		text = readFileSync( `/proc/${ pid }/stat`, 'utf8' );
	} catch {
		return null;
	}
	// The fields after the command's closing parenthesis, from the state (field 3) on: see proc(5).
	const fields = text
		.slice( text.lastIndexOf( ')' ) + 2 )
		.split( ' ' )
		.map( Number );
	return {
		parent: fields[ 1 ],
		ticks: fields[ 11 ] + fields[ 12 ] + fields[ 13 ] + fields[ 14 ],
	};
}

/**
 * CPU seconds used so far by the given processes and all that run under them.
 *
 * @param {number[]} roots The processes.
 * @return {number} Seconds.
 */
export function treeCpuSeconds( roots ) {
	const processes = new Map();
	for ( const pid of readdirSync( '/proc' ) ) {
		const proc = /^\d+$/.test( pid ) ? stat( pid ) : null;
		if ( proc ) {
			processes.set( Number( pid ), proc );
		}
	}
	const inTree = ( pid, seen = new Set() ) => {
		if ( roots.includes( pid ) ) {
			return true;
		}
		const parent = processes.get( pid )?.parent;
		return (
			parent > 1 && ! seen.has( pid ) && inTree( parent, seen.add( pid ) )
		);
	};
	let ticks = 0;
	for ( const [ pid, proc ] of processes ) {
		ticks += inTree( pid ) ? proc.ticks : 0;
	}
	return ticks / TICKS_PER_SECOND;
}

/**
 * The processes whose pid files are in a folder or below it.
 *
 * @param {string} dir The folder.
 * @return {number[]} Their pids, each once.
 */
export function pidsIn( dir ) {
	const pids = new Set();
	for ( const entry of readdirSync( dir, {
		recursive: true,
		withFileTypes: true,
	} ) ) {
		if ( entry.isFile() && entry.name.endsWith( '.pid' ) ) {
			pids.add(
				Number(
					readFileSync(
						join( entry.parentPath ?? entry.path, entry.name ),
						'utf8'
					)
				)
			);
		}
	}
	return [ ...pids ].filter( ( pid ) => pid > 0 );
}

if ( import.meta.url === `file://${ process.argv[ 1 ] }` ) {
	process.stdout.write(
		treeCpuSeconds( pidsIn( process.argv[ 2 ] ) ).toFixed( 2 ) + '\n'
	);
}
