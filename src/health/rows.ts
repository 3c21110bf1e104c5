/**
 * Turns the engine's live checks into the health panel's rows, in the order an admin reads them.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { DiagnosisCode } from '../diagnosis/codes';
import type { CheckResult } from '../types';
import { formatDuration } from './time';

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

interface RowSpec {
	id: string;
	label: string;
	/** The check it reads; the signature row reads the API call. */
	check: CheckResult[ 'id' ];
	ok: ( evidence: Evidence ) => string;
	/** Codes that make this row fail; others leave it "not checked". */
	failsOn?: DiagnosisCode[];
}

const SPECS: RowSpec[] = [
	{
		id: 'reachable',
		label: __( 'API reachable', 'causerie-connector' ),
		check: 'reachable',
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
		check: 'credentials',
		ok: () =>
			__(
				'The API accepts this client ID and secret.',
				'causerie-connector'
			),
	},
	{
		id: 'token',
		label: __( 'Token valid', 'causerie-connector' ),
		check: 'api',
		ok: () =>
			__( 'The API accepts the token in use.', 'causerie-connector' ),
		failsOn: [
			'token_expired',
			'token_revoked',
			'token_malformed',
			'token_invalid',
		],
	},
	{
		id: 'signature',
		label: __( 'Signature valid', 'causerie-connector' ),
		check: 'api',
		ok: () =>
			__(
				'The token is signed by a key the API publishes.',
				'causerie-connector'
			),
		failsOn: [ 'token_signature_invalid' ],
	},
	{
		id: 'scopes',
		label: __( 'Permissions granted', 'causerie-connector' ),
		check: 'scopes',
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
		check: 'environment',
		ok: () =>
			__(
				'The credentials belong to this site’s environment.',
				'causerie-connector'
			),
	},
	{
		id: 'clock',
		label: __( 'Clock in sync', 'causerie-connector' ),
		check: 'clock',
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
		check: 'site',
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
 * The rows, from the last run of the checks (null before the first run).
 *
 * @param checks The checks, in the server's order.
 */
export function healthRows( checks: CheckResult[] | null ): HealthRow[] {
	const byId = new Map(
		( checks ?? [] ).map( ( check ) => [ check.id, check ] )
	);
	const configured = byId.get( 'configured' );
	return SPECS.map( ( spec ): HealthRow => {
		const check = byId.get( spec.check );
		const base = { id: spec.id, label: spec.label, code: '' as const };
		if ( ! check || check.status === 'skipped' ) {
			return {
				...base,
				status: 'skipped',
				detail:
					configured?.status === 'error'
						? configured.message
						: NOT_CHECKED,
			};
		}
		if ( check.status === 'ok' ) {
			return { ...base, status: 'ok', detail: spec.ok( check.evidence ) };
		}
		if (
			spec.failsOn &&
			check.code !== '' &&
			! spec.failsOn.includes( check.code )
		) {
			// The API refused for another reason, named on that reason's row.
			return {
				...base,
				status: spec.id === 'signature' ? 'skipped' : check.status,
				detail:
					spec.id === 'signature'
						? NOT_CHECKED
						: problemDetail( check ),
				code: spec.id === 'signature' ? '' : check.code,
			};
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
