import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Dashicon,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { healedNote } from '../shared/health/healed';
import { healthRows, type RowStatus } from '../shared/health/rows';
import { formatMoment, formatRelative } from '../shared/time';
import {
	tokenSchedule,
	type ScheduleLine,
} from '../shared/health/tokenSchedule';
import type {
	ChecksRun,
	ConnectionStatus,
	DiagnosisTexts,
	RestError,
} from '../shared/types';
import { isDiagnosisCode, type DiagnosisCode } from '../shared/codes';

interface Props {
	checks: ChecksRun | null;
	status: ConnectionStatus;
	isChecking: boolean;
	checkError: RestError | null;
	/** Opens the fix wizard on a row's own diagnosis. */
	onFix: ( code: DiagnosisCode ) => void;
	/** The diagnoses' texts, for the title of what a self-repair fixed. */
	texts?: DiagnosisTexts | null;
}

const ICONS: Record<
	RowStatus,
	{ icon: 'yes-alt' | 'warning' | 'dismiss' | 'minus'; label: string }
> = {
	ok: { icon: 'yes-alt', label: __( 'Passed', 'causerie-connector' ) },
	warning: { icon: 'warning', label: __( 'Warning', 'causerie-connector' ) },
	error: { icon: 'dismiss', label: __( 'Failed', 'causerie-connector' ) },
	skipped: {
		icon: 'minus',
		label: __( 'Not checked', 'causerie-connector' ),
	},
};

/** Re-renders every second, for the relative times. */
function useNow(): number {
	const [ now, setNow ] = useState( () => Date.now() );
	useEffect( () => {
		const timer = setInterval( () => setNow( Date.now() ), 1000 );
		return () => clearInterval( timer );
	}, [] );
	return now;
}

function Moment( { iso, now }: { iso: string | null; now: number } ) {
	if ( ! iso ) {
		return <>{ __( 'never', 'causerie-connector' ) }</>;
	}
	return (
		<time dateTime={ iso } title={ formatMoment( iso ) }>
			{ formatRelative( iso, now ) }
		</time>
	);
}

function Line( { line, now }: { line: ScheduleLine; now: number } ) {
	return line.text !== undefined ? (
		<>{ line.text }</>
	) : (
		<Moment iso={ line.moment } now={ now } />
	);
}

/**
 * Each live check with its status, its measure, and a way to fix it. The checks run from the status
 * header's button; the panel shows their progress and what they found.
 *
 * @param props            Component props.
 * @param props.checks     The last run, or null before the first.
 * @param props.status     The connection status, for the schedule.
 * @param props.isChecking Whether a run is under way.
 * @param props.checkError Why the last run did not finish, if it did not.
 * @param props.onFix      Opens the fix wizard on a row's diagnosis.
 * @param props.texts      The diagnoses' texts.
 */
export function HealthPanel( {
	checks,
	status,
	isChecking,
	checkError,
	onFix,
	texts = null,
}: Props ) {
	const now = useNow();
	const { healed } = status;
	const schedule = tokenSchedule( status );
	const rows = healthRows( checks?.checks ?? null, {
		titleOf: ( code ) =>
			( healed?.code === code ? healed.title : null ) ??
			( isDiagnosisCode( code ) ? texts?.[ code ]?.title : null ) ??
			null,
	} );
	return (
		<Card className="causerie-health">
			<CardHeader>
				<h2>{ __( 'Connection health', 'causerie-connector' ) }</h2>
			</CardHeader>
			<CardBody>
				<div
					role="status"
					aria-live="polite"
					className="causerie-health__progress"
				>
					{ isChecking && (
						<>
							<Spinner />
							{ __(
								'Checking the connection…',
								'causerie-connector'
							) }
						</>
					) }
					{ /* Announced when a run ends in a self-repair. */ }
					{ ! isChecking &&
						healed &&
						healedNote( healed.title, healed.at ) }
				</div>
				{ checkError && (
					<Notice status="warning" isDismissible={ false }>
						{ checkError.message }
					</Notice>
				) }
				<ul className="causerie-health__rows" aria-busy={ isChecking }>
					{ rows.map( ( row ) => (
						<li
							key={ row.id }
							className={ `causerie-health__row is-${ row.status }` }
						>
							<Dashicon
								icon={ ICONS[ row.status ].icon }
								aria-hidden
							/>
							<span className="screen-reader-text">
								{ ICONS[ row.status ].label }:{ ' ' }
							</span>
							<strong className="causerie-health__label">
								{ row.label }
							</strong>
							<span className="causerie-health__detail">
								{ row.detail }
							</span>
							{ row.code !== '' && (
								<Button
									variant="link"
									onClick={ () =>
										row.code !== '' && onFix( row.code )
									}
									aria-label={ sprintf(
										/* translators: %s: the name of a check */
										__( 'Fix: %s', 'causerie-connector' ),
										row.label
									) }
								>
									{ __( 'Fix', 'causerie-connector' ) }
								</Button>
							) }
						</li>
					) ) }
				</ul>
				<dl className="causerie-health__schedule">
					<div>
						<dt>{ __( 'Last success', 'causerie-connector' ) }</dt>
						<dd>
							<Moment iso={ status.lastSuccessAt } now={ now } />
						</dd>
					</div>
					<div>
						<dt>{ __( 'Token expires', 'causerie-connector' ) }</dt>
						<dd>
							<Line line={ schedule.expires } now={ now } />
						</dd>
					</div>
					<div>
						<dt>{ __( 'Next refresh', 'causerie-connector' ) }</dt>
						<dd>
							<Line line={ schedule.refresh } now={ now } />
						</dd>
					</div>
					<div>
						<dt>{ __( 'Checked', 'causerie-connector' ) }</dt>
						<dd>
							<Moment
								iso={ checks?.checkedAt ?? null }
								now={ now }
							/>
						</dd>
					</div>
				</dl>
			</CardBody>
		</Card>
	);
}
