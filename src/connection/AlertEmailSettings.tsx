import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { useAlertSettings } from './hooks/useAlertSettings';

/**
 * Where the alert emails go: the site's admin email unless another address is chosen.
 */
export function AlertEmailSettings() {
	const { data, isBusy, error, saved, save } = useAlertSettings();
	const [ email, setEmail ] = useState( '' );

	// The field starts from the stored address, and follows what the server kept after a save.
	useEffect( () => {
		if ( data ) {
			setEmail( data.alertEmail );
		}
	}, [ data ] );

	return (
		<Card className="causerie-alert-email">
			<CardHeader>
				<h2>{ __( 'Alert emails', 'causerie-connector' ) }</h2>
			</CardHeader>
			<CardBody>
				<p>
					{ __(
						'An email goes out when the connection breaks (at most one a day for each problem), when it works again, and a day before a client secret expires if Causerie says when.',
						'causerie-connector'
					) }
				</p>
				<form
					onSubmit={ ( event ) => {
						event.preventDefault();
						save( email.trim() );
					} }
				>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="email"
						label={ __( 'Send alerts to', 'causerie-connector' ) }
						help={
							data
								? sprintf(
										/* translators: %s: an email address. */
										__(
											"Leave empty for the site's admin email. Alerts now go to %s.",
											'causerie-connector'
										),
										data.recipient
									)
								: __(
										"Leave empty for the site's admin email.",
										'causerie-connector'
									)
						}
						value={ email }
						onChange={ setEmail }
						disabled={ ! data }
					/>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						type="submit"
						isBusy={ isBusy && data !== null }
						disabled={ isBusy }
					>
						{ __( 'Save the address', 'causerie-connector' ) }
					</Button>
				</form>
				<div role="status">
					{ saved && ! isBusy
						? __( 'Saved.', 'causerie-connector' )
						: '' }
				</div>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error.message }
					</Notice>
				) }
			</CardBody>
		</Card>
	);
}
