import { Button, Flex, Modal } from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { formatMoment } from '../../shared/time';
import type { Connection } from '../hooks/useConnection';
import type {
	ConnectionStatus,
	Diagnosis,
	EnvironmentType,
	Settings,
} from '../../shared/types';
import { fixKindOf } from './causes';
import { FixStep, type FixOutcome } from './FixStep';
import { VerifyStep } from './VerifyStep';
import { WhatHappened } from './WhatHappened';

interface Props {
	connection: Connection;
	/** The diagnosis to start on, such as a health row's; the status' own by default. */
	start?: Diagnosis | null;
	settings: Settings | null;
	environmentType: EnvironmentType;
	/** Told of the profile the server kept when a fix saved settings. */
	onSettingsSaved?: ( settings: Settings ) => void;
	onClose: () => void;
}

const STEPS = [
	__( 'What happened', 'causerie-connector' ),
	__( 'Fix', 'causerie-connector' ),
	__( 'Verify', 'causerie-connector' ),
	__( 'Done', 'causerie-connector' ),
];

/**
 * The evidence the last checks recorded for a diagnosis.
 *
 * @param connection The connection.
 * @param code       The diagnosis code.
 */
function evidenceFor(
	connection: Connection,
	code: string
): Record< string, unknown > {
	const check = connection.checks?.checks.find(
		( item ) => item.code === code
	);
	return check?.evidence ?? {};
}

/**
 * What happened, fix, verify, done. Each step changes nothing until its button is pressed, so leaving
 * at any point leaves the site as it was. Step changes move focus to the step's heading, which screen
 * readers announce.
 *
 * @param props                 Component props.
 * @param props.connection      The connection state and its checks.
 * @param props.start           The diagnosis to start on.
 * @param props.settings        The stored settings.
 * @param props.environmentType The site's environment.
 * @param props.onSettingsSaved Told of settings a fix saved.
 * @param props.onClose         Closes the wizard.
 */
export function RegenerationWizard( {
	connection,
	start = null,
	settings,
	environmentType,
	onSettingsSaved,
	onClose,
}: Props ) {
	const [ step, setStep ] = useState( 0 );
	const [ diagnosis, setDiagnosis ] = useState< Diagnosis | null >(
		start ?? connection.status.diagnosis
	);
	const [ outcome, setOutcome ] = useState< FixOutcome >( {} );
	const heading = useRef< HTMLHeadingElement >( null );
	const firstRender = useRef( true );

	useEffect( () => {
		if ( firstRender.current ) {
			firstRender.current = false;
			return;
		}
		heading.current?.focus();
	}, [ step ] );

	const onFixed = useCallback(
		( result: FixOutcome ) => {
			if ( result.settings ) {
				onSettingsSaved?.( result.settings );
			}
			setOutcome( result );
			setStep( result.paused ? 3 : 2 );
		},
		[ onSettingsSaved ]
	);
	const onChecked = useCallback( ( next: ConnectionStatus ) => {
		if ( next.state === 'connected' ) {
			setStep( 3 );
		} else {
			// A new cause may show once the first is fixed; the fix step then offers its fix.
			setDiagnosis( next.diagnosis );
		}
	}, [] );

	let body;
	if ( step === 3 ) {
		body = <DoneStep outcome={ outcome } status={ connection.status } />;
	} else if ( ! diagnosis ) {
		body = (
			<p>
				{ __(
					'Nothing to fix: the last checks passed.',
					'causerie-connector'
				) }
			</p>
		);
	} else if ( step === 0 ) {
		body = (
			<WhatHappened
				diagnosis={ diagnosis }
				evidence={ evidenceFor( connection, diagnosis.code ) }
			/>
		);
	} else if ( step === 1 ) {
		body = (
			<FixStep
				key={ diagnosis.code }
				kind={ fixKindOf( diagnosis.code ) }
				diagnosis={ diagnosis }
				evidence={ evidenceFor( connection, diagnosis.code ) }
				settings={ settings }
				environmentType={ environmentType }
				documentation={
					connection.status.server?.documentation ?? null
				}
				onFixed={ onFixed }
			/>
		);
	} else {
		body = (
			<VerifyStep
				checks={ connection.checks }
				status={ connection.status }
				isChecking={ connection.isChecking }
				checkError={ connection.checkError }
				runChecks={ connection.runChecks }
				onChecked={ onChecked }
				onBack={ () => setStep( 1 ) }
			/>
		);
	}

	return (
		<Modal
			title={ __( 'Fix the connection', 'causerie-connector' ) }
			onRequestClose={ onClose }
			className="causerie-wizard"
			size="medium"
		>
			<ol
				className="causerie-wizard__progress"
				aria-label={ __( 'Steps', 'causerie-connector' ) }
			>
				{ STEPS.map( ( label, index ) => (
					<li
						key={ label }
						aria-current={ index === step ? 'step' : undefined }
						className={ index < step ? 'is-done' : undefined }
					>
						{ label }
					</li>
				) ) }
			</ol>
			<h2
				ref={ heading }
				tabIndex={ -1 }
				className="causerie-wizard__heading"
			>
				{ sprintf(
					/* translators: 1: step number, 2: number of steps, 3: step name */
					__( 'Step %1$d of %2$d: %3$s', 'causerie-connector' ),
					step + 1,
					STEPS.length,
					STEPS[ step ] ?? ''
				) }
			</h2>
			<div className="causerie-wizard__body">{ body }</div>
			<Flex justify="flex-end" gap={ 2 } className="causerie-wizard__nav">
				{ step === 0 && diagnosis && (
					<Button variant="primary" onClick={ () => setStep( 1 ) }>
						{ __( 'Next: fix it', 'causerie-connector' ) }
					</Button>
				) }
				<Button
					variant={ step === 3 ? 'primary' : 'tertiary' }
					onClick={ onClose }
				>
					{ step === 3
						? __( 'Finish', 'causerie-connector' )
						: __( 'Cancel', 'causerie-connector' ) }
				</Button>
			</Flex>
		</Modal>
	);
}

function DoneStep( {
	outcome,
	status,
}: {
	outcome: FixOutcome;
	status: ConnectionStatus;
} ) {
	if ( outcome.paused ) {
		return (
			<p>
				{ __(
					'The connection is paused on this copy: it makes no calls to the Causerie API. The original site is not affected.',
					'causerie-connector'
				) }
			</p>
		);
	}
	const regeneration = outcome.regeneration;
	return (
		<>
			<p className="causerie-wizard__success">
				{ __(
					'All checks pass: the chatbot is connected.',
					'causerie-connector'
				) }
			</p>
			{ regeneration && (
				<p>
					{ regeneration.previousRevoked
						? __(
								'The old token was revoked.',
								'causerie-connector'
							)
						: __(
								'The old token could not be revoked; it stops working when it expires.',
								'causerie-connector'
							) }{ ' ' }
					{ status.tokenExpiresAt &&
						sprintf(
							/* translators: %s: date and time */
							__(
								'The new token is valid until %s and renews on its own.',
								'causerie-connector'
							),
							formatMoment( status.tokenExpiresAt )
						) }
				</p>
			) }
		</>
	);
}
