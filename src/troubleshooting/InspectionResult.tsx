import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { MAX_TOKEN_BYTES } from './inspector/decode';

import type { Inspection, SignatureState } from './inspector/inspect';
import type { CheckResult, DiagnosisTexts } from '../shared/types';
import { DiagnosisNotice } from '../shared/DiagnosisNotice';
import { ScopeTable } from './ScopeTable';
import { TokenClaimsTable } from './TokenClaimsTable';

interface Props {
	inspection: Inspection;
	texts: DiagnosisTexts | null;
}

const SIGNATURE: Record<
	Exclude< SignatureState, 'opaque' | 'too-large' >,
	string
> = {
	verified: __(
		'Signature: verified in this browser with the keys Causerie publishes.',
		'causerie-connector'
	),
	refused: __( 'Signature and claims: refused.', 'causerie-connector' ),
	'server-verified': __(
		'Signature: checked by the server, and Causerie accepted the token.',
		'causerie-connector'
	),
	'server-refused': __(
		'Signature: checked by the server, and the token was not accepted.',
		'causerie-connector'
	),
	'not-verified': __(
		'Signature: not verified in this browser.',
		'causerie-connector'
	),
};

const CHECK_LABELS: Partial< Record< CheckResult[ 'id' ], string > > = {
	token: __( 'The server holds a token', 'causerie-connector' ),
	api: __( 'Causerie accepts the token', 'causerie-connector' ),
};

const CHECK_STATUS: Record< CheckResult[ 'status' ], string > = {
	ok: __( 'OK', 'causerie-connector' ),
	warning: __( 'Warning', 'causerie-connector' ),
	error: __( 'Failed', 'causerie-connector' ),
	skipped: __( 'Skipped', 'causerie-connector' ),
};

/**
 * What the inspector found: the verdict, each problem with its fix, then the token's contents.
 */
export function InspectionResult( { inspection, texts }: Props ) {
	const { decoded, findings, signature, scopes, serverChecks } = inspection;
	const heading = (
		<h3>
			{ inspection.source === 'current'
				? __( 'The token the plugin uses', 'causerie-connector' )
				: __( 'The pasted token', 'causerie-connector' ) }
		</h3>
	);
	if ( signature === 'opaque' ) {
		// Nothing wrong: some servers issue tokens only they can read.
		return (
			<div className="causerie-inspection">
				{ heading }
				<Notice status="info" isDismissible={ false }>
					<p>
						{ __(
							'This token is opaque: it is not a JWT, so its contents can’t be decoded here. The API checks it each time the plugin calls it; the connection health shows whether it accepts it.',
							'causerie-connector'
						) }
					</p>
				</Notice>
			</div>
		);
	}
	if ( signature === 'too-large' ) {
		return (
			<div className="causerie-inspection">
				{ heading }
				<Notice status="error" isDismissible={ false }>
					<p>
						{ sprintf(
							/* translators: %d: the largest token the inspector reads, in kilobytes. */
							__(
								'This token is larger than %d KB, so it was not decoded. An access token is much smaller: check that only the token was copied.',
								'causerie-connector'
							),
							MAX_TOKEN_BYTES / 1024
						) }
					</p>
				</Notice>
			</div>
		);
	}
	const trusted = signature === 'verified' || signature === 'server-verified';
	return (
		<div className="causerie-inspection">
			{ heading }
			{ decoded && <p>{ SIGNATURE[ signature ] }</p> }
			{ trusted && findings.length === 0 && (
				<Notice status="success" isDismissible={ false }>
					<p>
						{ __(
							'This token is valid and fits this site.',
							'causerie-connector'
						) }
					</p>
				</Notice>
			) }
			{ findings.map( ( code ) => (
				<DiagnosisNotice
					key={ code }
					code={ code }
					text={ texts?.[ code ] }
				/>
			) ) }
			{ serverChecks.length > 0 && (
				<ul className="causerie-server-checks">
					{ serverChecks.map( ( check ) => (
						<li key={ check.id }>
							{ CHECK_LABELS[ check.id ] ?? check.id }:{ ' ' }
							{ CHECK_STATUS[ check.status ] }
							{ check.message && ` (${ check.message })` }
						</li>
					) ) }
				</ul>
			) }
			{ decoded && (
				<TokenClaimsTable
					decoded={ decoded }
					expected={ inspection.expected }
				/>
			) }
			{ scopes && <ScopeTable scopes={ scopes } /> }
		</div>
	);
}
