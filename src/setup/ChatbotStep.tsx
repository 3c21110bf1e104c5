import { Button, Notice, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { DiagnosisNotice } from '../shared/DiagnosisNotice';
import { readFailure } from '../connection/credentials/serverErrors';
import type { WidgetStatus } from '../shared/types';
import { effectiveAppearance } from '../widget/appearance';
import { Preview } from '../widget/Preview';
import { useWidget } from '../widget/hooks/useWidget';

interface Props {
	/** Told of the chatbot's state once it is on. */
	onEnabled: ( status: WidgetStatus ) => void;
}

/**
 * Step 4: the chatbot as visitors will see it, and the switch that shows it on every page. It goes through the
 * Chatbot tab's own service (PUT /widget): Causerie registers the site first, and a refusal changes nothing.
 *
 * @param props           Component props.
 * @param props.onEnabled Told once the chatbot is on.
 */
export function ChatbotStep( { onEnabled }: Props ) {
	const { data, isBusy, error, save } = useWidget();
	if ( ! data ) {
		return error ? (
			<Notice status="error" isDismissible={ false }>
				{ error.message }
			</Notice>
		) : (
			<Spinner />
		);
	}
	const failure = error ? readFailure( error ) : null;
	return (
		<div className="causerie-first-run__chatbot">
			<div className="causerie-first-run__form">
				<p>
					{ __(
						'This is how the chatbot appears in the corner of every page of your site. You can change its colours, greeting and where it shows later, on the Chatbot tab.',
						'causerie-connector'
					) }
				</p>
				{ failure?.diagnosis && (
					<DiagnosisNotice
						code={ failure.diagnosis.code }
						text={ failure.diagnosis }
						lead={ __(
							'The chatbot is still off.',
							'causerie-connector'
						) }
					/>
				) }
				{ failure && ! failure.diagnosis && (
					<Notice status="error" isDismissible={ false }>
						{ failure.message }
					</Notice>
				) }
				<Button
					variant="primary"
					isBusy={ isBusy }
					disabled={ isBusy }
					accessibleWhenDisabled
					onClick={ async () => {
						if ( await save( { enabled: true } ) ) {
							onEnabled( data );
						}
					} }
				>
					{ __( 'Turn the chatbot on', 'causerie-connector' ) }
				</Button>
				<p role="status" className="causerie-first-run__saving">
					{ isBusy
						? __(
								'Asking Causerie to show the chatbot on this site…',
								'causerie-connector'
							)
						: '' }
				</p>
			</div>
			<Preview
				appearance={ effectiveAppearance(
					data.settings.appearance,
					data.bot
				) }
			/>
		</div>
	);
}
