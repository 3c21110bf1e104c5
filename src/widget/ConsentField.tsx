import { ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { WidgetSettings } from '../shared/types';
import { consentApiText, consentSignalText } from './consent';

interface Props {
	consent: WidgetSettings[ 'consent' ];
	/** Whether the WP Consent API is active: it then decides, and the setting doesn't apply. */
	consentApi: boolean;
	onChange: ( consent: WidgetSettings[ 'consent' ] ) => void;
}

/**
 * Whether the chatbot waits for the visitor's consent before it loads.
 *
 * @param props            Component props.
 * @param props.consent    The setting being edited.
 * @param props.consentApi Whether the WP Consent API is active.
 * @param props.onChange   Records a change.
 */
export function ConsentField( { consent, consentApi, onChange }: Props ) {
	return (
		<fieldset className="causerie-widget-consent">
			<legend>{ __( 'Consent', 'causerie-connector' ) }</legend>
			{ consentApi ? (
				<p>{ consentApiText() }</p>
			) : (
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						"Wait for the visitor's consent before loading the chatbot",
						'causerie-connector'
					) }
					help={ consentSignalText() }
					checked={ consent === 'signal' }
					onChange={ ( on ) => onChange( on ? 'signal' : 'none' ) }
				/>
			) }
		</fieldset>
	);
}
