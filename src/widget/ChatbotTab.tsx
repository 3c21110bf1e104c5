import { Button, Notice, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { DiagnosisCode } from '../shared/codes';
import type { DiagnosisTexts, WidgetSettings } from '../shared/types';
import { effectiveAppearance } from './appearance';
import { AppearanceFields } from './AppearanceFields';
import { ConsentField } from './ConsentField';
import { PlacementFields } from './PlacementFields';
import { Preview } from './Preview';
import { SaveError } from './SaveError';
import { useWidget } from './hooks/useWidget';
import { WidgetSwitch } from './WidgetSwitch';

export interface ChatbotTabProps {
	texts: DiagnosisTexts | null;
	/** Opens the repair wizard, on the cause when it is known. */
	onFix: ( code: DiagnosisCode | null ) => void;
}

/**
 * The Chatbot tab: whether visitors see the chatbot, where, how it looks, and whether it waits for consent.
 * The switch saves at once (turning on registers the site with Causerie); the rest is saved with the button.
 * Until the server answers, the form shows what it holds, never what was only asked for.
 *
 * @param props       Component props.
 * @param props.texts The diagnoses' texts.
 * @param props.onFix Opens the repair wizard.
 */
export function ChatbotTab( { texts, onFix }: ChatbotTabProps ) {
	const { data, isBusy, error, save } = useWidget();
	// The owner's edits not saved yet; null when the form shows what the server holds.
	const [ draft, setDraft ] = useState< WidgetSettings | null >( null );
	const [ saved, setSaved ] = useState( false );
	if ( ! data ) {
		return error ? (
			<Notice status="error" isDismissible={ false }>
				{ error.message }
			</Notice>
		) : (
			<Spinner />
		);
	}
	const settings = draft ?? data.settings;
	const edit = ( changes: Partial< WidgetSettings > ) => {
		setSaved( false );
		setDraft( { ...settings, ...changes } );
	};
	const submit = async () => {
		if ( ! draft ) {
			return;
		}
		// The switch saves on its own: the draft's copy of it may be older.
		const { enabled: _enabled, ...changes } = draft;
		if ( await save( changes ) ) {
			setDraft( null );
			setSaved( true );
		}
	};
	return (
		<div className="causerie-widget">
			<div className="causerie-widget__form">
				<WidgetSwitch
					status={ data }
					isBusy={ isBusy }
					texts={ texts }
					onToggle={ ( enabled ) => {
						setSaved( false );
						save( { enabled } );
					} }
					onFix={ onFix }
				/>
				{ error && <SaveError error={ error } onFix={ onFix } /> }
				<PlacementFields
					settings={ settings }
					postTypes={ data.postTypes }
					titles={
						new Map(
							data.excluded.map( ( post ) => [
								post.id,
								post.title,
							] )
						)
					}
					onChange={ edit }
				/>
				<AppearanceFields
					appearance={ settings.appearance }
					bot={ data.bot }
					onChange={ ( appearance ) => edit( { appearance } ) }
				/>
				<ConsentField
					consent={ settings.consent }
					consentApi={ data.consentApi }
					onChange={ ( consent ) => edit( { consent } ) }
				/>
				<div>
					<Button
						variant="primary"
						isBusy={ isBusy && draft !== null }
						disabled={ isBusy || draft === null }
						onClick={ submit }
					>
						{ __( 'Save', 'causerie-connector' ) }
					</Button>
					{ saved && (
						<p role="status">
							{ __( 'Saved.', 'causerie-connector' ) }
						</p>
					) }
				</div>
			</div>
			<Preview
				appearance={ effectiveAppearance(
					settings.appearance,
					data.bot
				) }
			/>
		</div>
	);
}
