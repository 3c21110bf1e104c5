import {
	Button,
	Notice,
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import {
	fetchLeadNotifications,
	saveLeadNotifications,
} from '../shared/api/conversations';
import { toRestError } from '../shared/api/rest';
import type { LeadNotifications, RestError } from '../shared/types';

const MODES: Array< { value: LeadNotifications[ 'mode' ]; label: string } > = [
	{ value: 'off', label: __( 'No email', 'causerie-connector' ) },
	{
		value: 'instant',
		label: __( 'An email for each lead, at once', 'causerie-connector' ),
	},
	{
		value: 'daily',
		label: __( 'A daily digest', 'causerie-connector' ),
	},
];

function isMode( value: string ): value is LeadNotifications[ 'mode' ] {
	return MODES.some( ( mode ) => mode.value === value );
}

/**
 * Whether an email tells of new leads, at once or once a day, and to which address.
 */
export function LeadEmails() {
	const [ form, setForm ] = useState< LeadNotifications | null >( null );
	const [ isBusy, setIsBusy ] = useState( true );
	const [ saved, setSaved ] = useState( false );
	const [ error, setError ] = useState< RestError | null >( null );

	const settle = (
		request: Promise< LeadNotifications >,
		onDone = () => {}
	) => {
		setIsBusy( true );
		request
			.then( ( answer ) => {
				setForm( answer );
				setError( null );
				onDone();
			} )
			.catch( ( reason: unknown ) => setError( toRestError( reason ) ) )
			.finally( () => setIsBusy( false ) );
	};

	useEffect( () => {
		settle( fetchLeadNotifications() );
	}, [] );

	return (
		<form
			className="causerie-lead-emails"
			onSubmit={ ( event ) => {
				event.preventDefault();
				if ( form ) {
					setSaved( false );
					settle(
						saveLeadNotifications( {
							...form,
							email: form.email.trim(),
						} ),
						() => setSaved( true )
					);
				}
			} }
		>
			<h2>{ __( 'Lead emails', 'causerie-connector' ) }</h2>
			<RadioControl
				label={ __( 'Email new leads', 'causerie-connector' ) }
				options={ MODES }
				selected={ form?.mode ?? 'off' }
				onChange={ ( mode ) =>
					form && isMode( mode ) && setForm( { ...form, mode } )
				}
				disabled={ ! form }
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				type="email"
				label={ __( 'Send them to', 'causerie-connector' ) }
				value={ form?.email ?? '' }
				onChange={ ( email ) => form && setForm( { ...form, email } ) }
				disabled={ ! form || form.mode === 'off' }
			/>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				type="submit"
				isBusy={ isBusy && form !== null }
				disabled={ isBusy || ! form }
			>
				{ __( 'Save', 'causerie-connector' ) }
			</Button>
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
		</form>
	);
}
