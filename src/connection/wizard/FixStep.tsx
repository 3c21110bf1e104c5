import { Button, Flex } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { regenerateToken, updateBinding } from '../../shared/api/connection';
import { diagnosisOf, toRestError } from '../../shared/api/rest';
import type {
	Diagnosis,
	EnvironmentType,
	Regeneration,
	Settings,
} from '../../shared/types';
import type { FixKind } from './causes';
import { ScopeList } from '../../shared/ScopeList';
import { AddressFix } from './AddressFix';
import { ClockSkew } from './ClockSkew';
import { CredentialsFix } from './CredentialsFix';
import { DiagnosisSteps } from './DiagnosisSteps';
import { RefusalNotice } from './RefusalNotice';

export interface FixOutcome {
	/** Set when a token was regenerated. */
	regeneration?: Regeneration;
	/** The admin paused this copy: done, though not connected. */
	paused?: boolean;
	/** The profile the server kept, when the fix saved settings. */
	settings?: Settings;
}

interface Props {
	kind: FixKind;
	diagnosis: Diagnosis;
	evidence: Record< string, unknown >;
	settings: Settings | null;
	environmentType: EnvironmentType;
	/** The server's page for people, linked from the steps done in the Causerie dashboard. */
	documentation?: string | null;
	onFixed: ( outcome: FixOutcome ) => void;
}

function newRequestId(): string {
	return (
		window.crypto?.randomUUID?.() ??
		`${ Date.now() }-${ Math.random().toString( 36 ).slice( 2, 12 ) }`
	);
}

function missingScopes( evidence: Record< string, unknown > ): string[] {
	const listed = evidence.missing ?? evidence.scope ?? evidence.requested;
	if ( Array.isArray( listed ) ) {
		return listed.map( String );
	}
	return typeof listed === 'string'
		? listed.split( ' ' ).filter( Boolean )
		: [];
}

/**
 * Step 2: the action that fits the cause. Nothing changes until the admin presses its button.
 *
 * @param props                 Component props.
 * @param props.kind            Which fix.
 * @param props.diagnosis       The diagnosis, for its steps.
 * @param props.evidence        What the engine saw.
 * @param props.settings        The stored settings.
 * @param props.environmentType The site's environment, which names its own profile.
 * @param props.documentation   The server's page for people.
 * @param props.onFixed         Called when the action succeeded.
 */
export function FixStep( {
	kind,
	diagnosis,
	evidence,
	settings,
	environmentType,
	documentation = null,
	onFixed,
}: Props ) {
	const [ isBusy, setIsBusy ] = useState( false );
	const [ failure, setFailure ] = useState< {
		message: string;
		diagnosis: Diagnosis | null;
	} | null >( null );
	// One id per wizard step: a double click or a retried request renews once.
	const [ requestId ] = useState( newRequestId );

	const act = async ( action: () => Promise< FixOutcome > ) => {
		setIsBusy( true );
		setFailure( null );
		try {
			onFixed( await action() );
		} catch ( reason ) {
			const error = toRestError( reason );
			setFailure( {
				message: error.message,
				diagnosis: diagnosisOf( error ),
			} );
		} finally {
			setIsBusy( false );
		}
	};
	const renew = () =>
		act( async () => ( {
			regeneration: await regenerateToken( requestId ),
		} ) );
	const button = (
		label: string,
		onClick: () => void,
		variant: 'primary' | 'secondary' = 'primary'
	) => (
		<Button
			variant={ variant }
			onClick={ onClick }
			isBusy={ isBusy }
			disabled={ isBusy }
			accessibleWhenDisabled
		>
			{ label }
		</Button>
	);
	const steps = ( list: string[] ) => (
		<DiagnosisSteps
			steps={ list }
			dashboardSteps={ diagnosis.dashboardSteps }
			documentation={ documentation }
		/>
	);
	const checkAgain = button( __( 'Check again', 'causerie-connector' ), () =>
		onFixed( {} )
	);

	let body;
	switch ( kind ) {
		case 'renew':
			body = (
				<>
					<p>
						{ __(
							'The plugin can fix this alone: it gets a new token, makes sure the API accepts it, then revokes the old one.',
							'causerie-connector'
						) }
					</p>
					{ button(
						__( 'Get a new token', 'causerie-connector' ),
						renew
					) }
				</>
			);
			break;
		case 'secret':
		case 'environment':
			body = (
				<>
					{ steps( diagnosis.wizardSteps ?? diagnosis.steps ) }
					<CredentialsFix
						withClientId={
							kind === 'environment' || settings?.clientId === ''
						}
						settings={ settings }
						environmentType={ environmentType }
						onSaved={ ( saved ) => onFixed( { settings: saved } ) }
					/>
				</>
			);
			break;
		case 'address':
			body = (
				<>
					{ steps( diagnosis.steps ) }
					{ settings ? (
						<AddressFix
							settings={ settings }
							evidence={ evidence }
							onSaved={ ( saved ) =>
								onFixed( { settings: saved } )
							}
							onCheckAgain={ () => onFixed( {} ) }
						/>
					) : (
						checkAgain
					) }
				</>
			);
			break;
		case 'scopes':
			body = (
				<>
					<p>
						{ __(
							'In the Causerie dashboard, give this site’s app these permissions:',
							'causerie-connector'
						) }
					</p>
					<ScopeList scopes={ missingScopes( evidence ) } />
					{ steps( diagnosis.steps ) }
					{ button(
						__(
							'I granted them: get a new token',
							'causerie-connector'
						),
						renew
					) }
				</>
			);
			break;
		case 'clock':
			body = (
				<>
					<ClockSkew evidence={ evidence } />
					{ steps( diagnosis.steps ) }
					{ checkAgain }
				</>
			);
			break;
		case 'site':
			body = (
				<>
					<p>
						{ __(
							'Is this the same site at a new address, or a copy of it (staging, a clone)?',
							'causerie-connector'
						) }
					</p>
					<Flex justify="flex-start" gap={ 2 }>
						{ button(
							__(
								'This is the new address',
								'causerie-connector'
							),
							() =>
								act( async () => {
									await updateBinding( 'rebind' );
									return {};
								} )
						) }
						{ button(
							__(
								'This is a copy: pause the connection',
								'causerie-connector'
							),
							() =>
								act( async () => {
									await updateBinding( 'pause' );
									return { paused: true };
								} ),
							'secondary'
						) }
					</Flex>
				</>
			);
			break;
		case 'paused':
			body = (
				<>
					<p>
						{ __(
							'This copy of the site does not call the Causerie API. Resume only if this is the real site.',
							'causerie-connector'
						) }
					</p>
					{ button(
						__(
							'Resume: this is the real site',
							'causerie-connector'
						),
						() =>
							act( async () => {
								await updateBinding( 'rebind' );
								return {};
							} )
					) }
				</>
			);
			break;
		default:
			body = (
				<>
					{ steps( diagnosis.steps ) }
					{ checkAgain }
				</>
			);
	}

	return (
		<>
			{ body }
			{ failure && (
				<RefusalNotice
					diagnosis={ failure.diagnosis }
					message={ failure.message }
					documentation={ documentation }
				/>
			) }
		</>
	);
}
