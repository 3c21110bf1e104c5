import { Button, ExternalLink, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { DiagnosisNotice } from '../shared/DiagnosisNotice';
import { isDiagnosisCode, type DiagnosisCode } from '../shared/codes';
import type { DiagnosisTexts, WidgetStatus } from '../shared/types';

interface Props {
	status: WidgetStatus;
	isBusy: boolean;
	texts: DiagnosisTexts | null;
	onToggle: ( enabled: boolean ) => void;
	/** Opens the repair wizard, on the cause when it is known. */
	onFix: ( code: DiagnosisCode | null ) => void;
}

/**
 * The on/off switch, and in one line whether visitors see the chatbot now. The switch shows what the server
 * holds: it moves only once a save succeeds.
 *
 * @param props          Component props.
 * @param props.status   What the server holds.
 * @param props.isBusy   Whether a request is under way.
 * @param props.texts    The diagnoses' texts.
 * @param props.onToggle Saves the new position.
 * @param props.onFix    Opens the repair wizard.
 */
export function WidgetSwitch( {
	status,
	isBusy,
	texts,
	onToggle,
	onFix,
}: Props ) {
	const code =
		status.problem && isDiagnosisCode( status.problem )
			? status.problem
			: null;
	return (
		<div className="causerie-widget-switch">
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Show the chatbot on the site',
					'causerie-connector'
				) }
				checked={ status.settings.enabled }
				disabled={ isBusy }
				onChange={ onToggle }
			/>
			{ status.state === 'on' && (
				<p>
					{ __( 'Visitors see the chatbot.', 'causerie-connector' ) }{ ' ' }
					<ExternalLink href={ status.homeUrl }>
						{ __( 'View the site', 'causerie-connector' ) }
					</ExternalLink>
				</p>
			) }
			{ status.state === 'hidden' && (
				<>
					<p>
						{ __(
							'Hidden from visitors while the connection is broken.',
							'causerie-connector'
						) }
					</p>
					{ code && (
						<DiagnosisNotice
							code={ code }
							text={ texts?.[ code ] }
						/>
					) }
					<Button variant="primary" onClick={ () => onFix( code ) }>
						{ __( 'Fix the connection', 'causerie-connector' ) }
					</Button>
				</>
			) }
			{ status.state === 'unavailable' && (
				<p>
					{ __(
						"Hidden from visitors: the chatbot's configuration has not been fetched from Causerie yet.",
						'causerie-connector'
					) }
				</p>
			) }
			{ status.state === 'off' && (
				<p>
					{ __(
						'Visitors do not see the chatbot.',
						'causerie-connector'
					) }
				</p>
			) }
		</div>
	);
}
