/**
 * Prints, after the run, how many clicks and pastes each spec took from a broken connection to a
 * green one, per WordPress version, and whether the admin notice named the break on the first admin page
 * after it, from the specs' "clicks" annotations.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

interface Row {
	cause: string;
	clicks: number;
	pastes: number;
	target: string;
	/** Whether the admin notice named the cause on the first admin page after the break; absent where not looked at. */
	notice?: string;
}

export default class ClicksReporter implements Reporter {
	private readonly rows: Array< Row & { project: string; status: string } > =
		[];

	onTestEnd( test: TestCase, result: TestResult ): void {
		for ( const annotation of test.annotations ) {
			if ( annotation.type === 'clicks' && annotation.description ) {
				this.rows.push( {
					...( JSON.parse( annotation.description ) as Row ),
					project: test.parent.project()?.name ?? '',
					status: result.status,
				} );
			}
		}
	}

	onEnd(): void {
		if ( this.rows.length === 0 ) {
			return;
		}
		const header = [
			'cause',
			'WordPress',
			'clicks',
			'pastes',
			'target',
			'notice on first load',
			'result',
		];
		const lines = this.rows
			.sort(
				( a, b ) =>
					a.cause.localeCompare( b.cause ) ||
					a.project.localeCompare( b.project )
			)
			.map( ( row ) => [
				row.cause,
				row.project.replace( 'wordpress-', '' ),
				String( row.clicks ),
				String( row.pastes ),
				row.target,
				row.notice ?? '—',
				row.status,
			] );
		const widths = header.map( ( title, column ) =>
			Math.max(
				title.length,
				...lines.map( ( line ) => line[ column ]?.length ?? 0 )
			)
		);
		const format = ( cells: string[] ) =>
			cells
				.map( ( cell, column ) => cell.padEnd( widths[ column ] ?? 0 ) )
				.join( '  ' );
		process.stdout.write(
			`\nFrom broken to green, through the screen:\n${ format( header ) }\n${ lines.map( format ).join( '\n' ) }\n\n`
		);
	}
}
