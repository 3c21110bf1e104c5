import { Button } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { KNOWLEDGE_SCOPE } from '../shared/scopes';
import type { Settings } from '../shared/types';
import { AddressStep } from './AddressStep';
import { ChatbotStep } from './ChatbotStep';
import { ContentStep } from './ContentStep';
import { CredentialsStep } from './CredentialsStep';
import { DoneStep } from './DoneStep';
import { KnowledgeNotAllowed } from './KnowledgeNotAllowed';
import { nextStep, progressText, STEPS, stepTitle } from './steps';
import type { StepName } from './steps';
import './setup.scss';

interface Props {
	/** The site's own profile, as stored: empty on a fresh site, or with the address alone. */
	settings: Settings;
	/** Told of the profile the server kept once the credentials verified. */
	onSettingsSaved: ( settings: Settings ) => void;
	/** Back to the full screen: at the end, or to set things up by hand. */
	onLeave: () => void;
}

/**
 * The guided first run: where the credentials come from, paste them (saving verifies them), choose the
 * content, turn the chatbot on, done. Each step's heading takes the keyboard focus when it opens, and a live
 * region says which step of how many it is.
 *
 * @param props                 Component props.
 * @param props.settings        The stored profile.
 * @param props.onSettingsSaved Told of the saved profile.
 * @param props.onLeave         Leaves the first run.
 */
export function FirstRun( { settings, onSettingsSaved, onLeave }: Props ) {
	const [ step, setStep ] = useState< StepName >( 'address' );
	const [ apiUrl, setApiUrl ] = useState( settings.apiUrl );
	const [ documentation, setDocumentation ] = useState< string | null >(
		null
	);
	const [ sent, setSent ] = useState( 0 );
	// What the credentials were saved and verified with: a client allowed only the widget has no knowledge to send.
	const [ scopes, setScopes ] = useState( settings.scopes );
	const knowledgeAllowed = scopes.includes( KNOWLEDGE_SCOPE );
	const [ homeUrl, setHomeUrl ] = useState( '/' );
	const heading = useRef< HTMLHeadingElement >( null );
	const opened = useRef( false );

	useEffect( () => {
		// Not on the first paint: the page's own focus order comes first until the owner acts.
		if ( opened.current ) {
			heading.current?.focus();
		}
		opened.current = true;
	}, [ step ] );

	const advance = () => setStep( nextStep( step ) );

	return (
		<section
			className="causerie-first-run"
			aria-labelledby="causerie-first-run-title"
		>
			<header className="causerie-first-run__header">
				<h2 id="causerie-first-run-title">
					{ __( 'Set up your chatbot', 'causerie-connector' ) }
				</h2>
				<ol className="causerie-first-run__progress">
					{ STEPS.map( ( name, index ) => (
						<li
							key={ name }
							className={
								index <= STEPS.indexOf( step )
									? 'is-reached'
									: undefined
							}
							aria-current={ name === step ? 'step' : undefined }
						>
							{ stepTitle( name ) }
						</li>
					) ) }
				</ol>
				<p
					className="causerie-first-run__status"
					role="status"
					aria-live="polite"
				>
					{ progressText( step ) }
				</p>
			</header>
			<div className="causerie-first-run__step">
				<h3
					ref={ heading }
					tabIndex={ -1 }
					className="causerie-first-run__title"
				>
					{ stepTitle( step ) }
				</h3>
				{ step === 'address' && (
					<AddressStep
						initialAddress={ apiUrl }
						onFound={ ( found ) => {
							setApiUrl( found.apiUrl );
							setDocumentation( found.documentation );
							advance();
						} }
					/>
				) }
				{ step === 'credentials' && (
					<CredentialsStep
						settings={ settings }
						apiUrl={ apiUrl }
						documentation={ documentation }
						onSaved={ ( saved ) => {
							setScopes( saved.scopes );
							onSettingsSaved( saved );
							advance();
						} }
					/>
				) }
				{ step === 'content' && ! knowledgeAllowed && (
					<KnowledgeNotAllowed onContinue={ advance } />
				) }
				{ step === 'content' && knowledgeAllowed && (
					<ContentStep
						onStarted={ ( count ) => {
							setSent( count );
							advance();
						} }
					/>
				) }
				{ step === 'chatbot' && (
					<ChatbotStep
						onEnabled={ ( status ) => {
							setHomeUrl( status.homeUrl );
							advance();
						} }
					/>
				) }
				{ step === 'done' && (
					<DoneStep
						sent={ sent }
						knowledgeAllowed={ knowledgeAllowed }
						homeUrl={ homeUrl }
						onOverview={ onLeave }
					/>
				) }
			</div>
			{ step !== 'done' && (
				<p className="causerie-first-run__leave">
					<Button variant="link" onClick={ onLeave }>
						{ __(
							'Leave the guided setup and use the full settings',
							'causerie-connector'
						) }
					</Button>
				</p>
			) }
		</section>
	);
}
