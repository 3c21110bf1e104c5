import { __ } from '@wordpress/i18n';

import type { EffectiveAppearance } from './appearance';

interface Props {
	appearance: EffectiveAppearance;
}

/**
 * The chatbot as visitors will see it, drawn here from the values in the form: the opened panel's header and
 * greeting above the bubble, in the chosen corner. No remote script runs on the settings screen.
 *
 * @param props            Component props.
 * @param props.appearance The values the chatbot shows with.
 */
export function Preview( { appearance }: Props ) {
	const { color, textColor, position, greeting, launcherText } = appearance;
	const theme = { backgroundColor: color, color: textColor };
	return (
		<figure
			className={ `causerie-widget-preview is-${ position }` }
			aria-label={ __( 'Preview', 'causerie-connector' ) }
		>
			<div className="causerie-widget-preview__panel">
				<div
					className="causerie-widget-preview__header"
					style={ theme }
				>
					{ __( 'Chat', 'causerie-connector' ) }
				</div>
				{ greeting && (
					<p className="causerie-widget-preview__greeting">
						{ greeting }
					</p>
				) }
			</div>
			<div
				className="causerie-widget-preview__bubble"
				style={ theme }
				role="img"
				aria-label={
					launcherText || __( 'Chatbot bubble', 'causerie-connector' )
				}
			>
				<span aria-hidden="true">💬</span>
				{ launcherText && (
					<span aria-hidden="true">{ launcherText }</span>
				) }
			</div>
		</figure>
	);
}
