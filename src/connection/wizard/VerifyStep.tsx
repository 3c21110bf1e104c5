import { Button, Dashicon, Notice, Spinner } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { healthRows } from '../../shared/health/rows';
import type {
	ChecksRun,
	ConnectionStatus,
	RestError,
} from '../../shared/types';

interface Props {
	checks: ChecksRun | null;
	status: ConnectionStatus;
	isChecking: boolean;
	checkError: RestError | null;
	runChecks: () => Promise< ConnectionStatus | null >;
	/** Called with the status the checks ended on. */
	onChecked: ( status: ConnectionStatus ) => void;
	onBack: () => void;
}

/**
 * Step 3: the live checks, run as soon as the step opens.
 *
 * @param props            Component props.
 * @param props.checks     The last run.
 * @param props.status     The status after it.
 * @param props.isChecking Whether a run is under way.
 * @param props.checkError Why the run did not finish.
 * @param props.runChecks  Runs the checks.
 * @param props.onChecked  Called when a run finished.
 * @param props.onBack     Returns to the fix step.
 */
export function VerifyStep( {
	checks,
	status,
	isChecking,
	checkError,
	runChecks,
	onChecked,
	onBack,
}: Props ) {
	const started = useRef( false );
	useEffect( () => {
		if ( started.current ) {
			return;
		}
		started.current = true;
		runChecks().then( ( next ) => next && onChecked( next ) );
	}, [ runChecks, onChecked ] );

	if ( isChecking || ! started.current ) {
		return (
			<p>
				<Spinner />
				{ __( 'Checking the connection…', 'causerie-connector' ) }
			</p>
		);
	}
	const failed = healthRows( checks?.checks ?? null ).filter(
		( row ) => row.status === 'error' || row.status === 'warning'
	);
	return (
		<>
			{ checkError && (
				<Notice status="warning" isDismissible={ false }>
					{ checkError.message }
				</Notice>
			) }
			{ status.diagnosis && (
				<Notice status="error" isDismissible={ false }>
					<p>
						<strong>
							{ __( 'Not fixed yet:', 'causerie-connector' ) }
						</strong>{ ' ' }
						{ status.diagnosis.title }
					</p>
				</Notice>
			) }
			<ul className="causerie-wizard__checks">
				{ failed.map( ( row ) => (
					<li key={ row.id }>
						<Dashicon
							icon={
								row.status === 'error' ? 'dismiss' : 'warning'
							}
							aria-hidden
						/>
						<strong>{ row.label }</strong> { row.detail }
					</li>
				) ) }
			</ul>
			<Button variant="secondary" onClick={ onBack }>
				{ __( 'Back to the fix', 'causerie-connector' ) }
			</Button>
		</>
	);
}
