/**
 * Turns the engine's live checks into the health panel's rows, in the order an admin reads them.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { DiagnosisCode } from '../codes';
import type { CheckResult } from '../types';
import { renewedNote } from './healed';
import { formatDuration } from '../time';

export type RowStatus = CheckResult[ 'status' ];

export interface HealthRow {
	id: string;
	label: string;
	status: RowStatus;
	/** One line: what the result means, with its measure (latency, skew, time left). */
	detail: string;
	/** The diagnosis to fix, for failed rows. */
	code: DiagnosisCode | '';
}

type Evidence = Record< string, unknown >;

function numberIn( evidence: Evidence, key: string ): number | null {
	const value = evidence[ key ];
	return typeof value === 'number' && Number.isFinite( value ) ? value : null;
}

function stringsIn( evidence: Evidence, key: string ): string[] {
	const value = evidence[ key ];
	return Array.isArray( value )
		? value.filter( ( item ): item is string => typeof item === 'string' )
		: [];
}

const NOT_CHECKED = __(
	'Not checked: an earlier check failed.',
	'causerie-connector'
);

/** What a row may say beyond its check: the titles of diagnoses, for a self-repair. */
export interface RowContext {
	titleOf: ( code: string ) => string | null;
}

interface RowSpec {
	id: string;
	label: string;
	/** The checks it reads, a failure first: the token rows read the token check and the API call. */
	checks: Array< CheckResult[ 'id' ] >;
	ok: ( evidence: Evidence, context: RowContext ) => string;
	/** Codes that make this row fail; others leave it "not checked". */
	failsOn?: DiagnosisCode[];
	/** Why its check was skipped for a reason of its own, not an earlier failure. */
	skipped?: ( evidence: Evidence ) => string | null;
}

const SPECS: RowSpec[] = [
	{
		id: 'reachable',
		label: __( 'API reachable', 'causerie-connector' ),
		checks: [ 'reachable' ],
		ok: ( evidence ) => {
			const latency = numberIn( evidence, 'latencyMs' );
			return latency === null
				? __( 'The API answered.', 'causerie-connector' )
				: sprintf(
						/* translators: %d: milliseconds */
						__(
							'The API answered in %d ms.',
							'causerie-connector'
						),
						latency
					);
		},
	},
	{
		id: 'credentials',
		label: __( 'Credentials accepted', 'causerie-connector' ),
		checks: [ 'credentials' ],
		ok: () =>
			__(
				'The API accepts this client ID and secret.',
				'causerie-connector'
			),
	},
	{
		id: 'token',
		label: __( 'Token valid', 'causerie-connector' ),
		checks: [ 'token', 'api' ],
		ok: ( evidence, context ) =>
			typeof evidence.healed === 'string' &&
			typeof evidence.obtainedAt === 'string'
				? renewedNote(
						context.titleOf( evidence.healed ),
						evidence.obtainedAt
					)
				: __(
						'The API accepts the token in use.',
						'causerie-connector'
					),
	},
	{
		id: 'signature',
		label: __( 'Signature valid', 'causerie-connector' ),
		checks: [ 'token', 'api' ],
		ok: () =>
			__(
				'The token is signed by a key the API publishes.',
				'causerie-connector'
			),
		failsOn: [ 'token_signature_invalid', 'signing_key_unknown' ],
	},
	{
		id: 'scopes',
		label: __( 'Permissions granted', 'causerie-connector' ),
		checks: [ 'scopes' ],
		ok: ( evidence ) =>
			sprintf(
				/* translators: %s: space-separated scopes */
				__( 'Granted: %s.', 'causerie-connector' ),
				stringsIn( evidence, 'granted' ).join( ' ' ) || '—'
			),
	},
	{
		id: 'environment',
		label: __( 'Environment matches', 'causerie-connector' ),
		checks: [ 'environment' ],
		ok: () =>
			__(
				'The credentials belong to this site’s environment.',
				'causerie-connector'
			),
		// Not a failure: some servers say nothing of environments.
		skipped: ( evidence ) =>
			evidence.stated === false
				? __(
						'The API does not state which environment these credentials belong to: nothing to compare.',
						'causerie-connector'
					)
				: null,
	},
	{
		id: 'clock',
		label: __( 'Clock in sync', 'causerie-connector' ),
		checks: [ 'clock' ],
		ok: ( evidence ) =>
			sprintf(
				/* translators: %s: a duration such as "2 s" */
				__(
					'This server’s clock is within %s of the API’s.',
					'causerie-connector'
				),
				formatDuration(
					Math.abs( numberIn( evidence, 'skewSeconds' ) ?? 0 )
				)
			),
	},
	{
		id: 'site',
		label: __( 'Site address matches', 'causerie-connector' ),
		checks: [ 'site' ],
		ok: () =>
			__(
				'The credentials were saved at this address.',
				'causerie-connector'
			),
	},
];

/**
 * The row for a failed or warned check: the server's message, plus the measure where one helps.
 *
 * @param check The check.
 */
function problemDetail( check: CheckResult ): string {
	const skew = numberIn( check.evidence, 'skewSeconds' );
	if ( check.id === 'clock' && skew !== null ) {
		return sprintf(
			/* translators: 1: explanation, 2: a duration such as "5 min" */
			__( '%1$s Off by %2$s.', 'causerie-connector' ),
			check.message,
			formatDuration( Math.abs( skew ) )
		);
	}
	const missing = stringsIn( check.evidence, 'missing' );
	if ( missing.length > 0 ) {
		return sprintf(
			/* translators: 1: explanation, 2: space-separated scopes */
			__( '%1$s Missing: %2$s.', 'causerie-connector' ),
			check.message,
			missing.join( ' ' )
		);
	}
	return check.message;
}

/**
 * The check a row shows: the first that failed among those it reads, else the first that passed.
 *
 * @param byId   The checks by id.
 * @param checks The ids the row reads.
 */
function pick(
	byId: Map< string, CheckResult >,
	checks: Array< CheckResult[ 'id' ] >
): CheckResult | undefined {
	const found = checks.flatMap( ( id ) => byId.get( id ) ?? [] );
	return (
		found.find(
			( check ) => check.status === 'error' || check.status === 'warning'
		) ??
		found.find( ( check ) => check.status === 'ok' ) ??
		found[ 0 ]
	);
}

const NO_TITLES: RowContext = { titleOf: () => null };

/**
 * The rows, from the last run of the checks (null before the first run).
 *
 * @param checks  The checks, in the server's order.
 * @param context Titles of the diagnoses, for a self-repair.
 */
export function healthRows(
	checks: CheckResult[] | null,
	context: RowContext = NO_TITLES
): HealthRow[] {
	const byId = new Map(
		( checks ?? [] ).map( ( check ) => [ check.id, check ] )
	);
	const configured = byId.get( 'configured' );
	return SPECS.map( ( spec ): HealthRow => {
		const check = pick( byId, spec.checks );
		const base = { id: spec.id, label: spec.label, code: '' as const };
		if ( ! check || check.status === 'skipped' ) {
			const own = check ? spec.skipped?.( check.evidence ) : null;
			let detail = own ?? NOT_CHECKED;
			if ( ! own && configured?.status === 'error' ) {
				detail = configured.message;
			}
			return { ...base, status: 'skipped', detail };
		}
		if ( check.status === 'ok' ) {
			return {
				...base,
				status: 'ok',
				detail: spec.ok( check.evidence, context ),
			};
		}
		if (
			spec.failsOn &&
			check.code !== '' &&
			! spec.failsOn.includes( check.code )
		) {
			// Refused for another reason, named on that reason's row.
			return { ...base, status: 'skipped', detail: NOT_CHECKED };
		}
		return {
			...base,
			status: check.status,
			detail: problemDetail( check ),
			code: check.code,
		};
	} );
}

/**
 * The first problem, worst first: what the status header and the wizard lead with.
 *
 * @param checks The checks.
 */
export function firstProblem(
	checks: CheckResult[] | null
): CheckResult | null {
	const list = checks ?? [];
	return (
		list.find( ( check ) => check.status === 'error' ) ??
		list.find( ( check ) => check.status === 'warning' ) ??
		null
	);
}
