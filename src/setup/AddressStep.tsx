import { Button, ExternalLink, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { DiagnosisNotice } from '../shared/DiagnosisNotice';
import { FIELD_LABELS } from '../connection/credentials/constants';
import { ProgressStatus } from '../connection/credentials/ProgressStatus';
import type { DiscoveredServer } from '../shared/types';
import { documentationLink } from '../shared/documentation';
import { looksLikeAddress } from './address';
import { useDiscovery } from './hooks/useDiscovery';

interface Props {
	/** The address saved before, if any. */
	initialAddress: string;
	onFound: ( found: DiscoveredServer ) => void;
}

/**
 * Step 1: the API address, and where the client ID and secret come from. WordPress asks the server as soon as
 * the address is pasted; the server's own page about credentials becomes a link when it publishes one.
 *
 * @param props                Component props.
 * @param props.initialAddress The saved address, prefilled.
 * @param props.onFound        Told of the server found, to go on.
 */
export function AddressStep( { initialAddress, onFound }: Props ) {
	const [ address, setAddress ] = useState( initialAddress );
	const { found, failure, isBusy } = useDiscovery( address );
	const link = documentationLink( found?.documentation );
	const fieldError = failure?.fieldErrors.apiUrl ?? failure?.message;

	let status = '';
	if ( isBusy ) {
		status = __(
			'Looking for Causerie at this address…',
			'causerie-connector'
		);
	} else if ( found ) {
		status = __(
			'Causerie answers at this address.',
			'causerie-connector'
		);
	} else if ( failure ) {
		status =
			failure.diagnosis?.title ??
			__( 'This address can’t be used.', 'causerie-connector' );
	}

	return (
		<form
			className="causerie-first-run__form"
			noValidate
			onSubmit={ ( event ) => {
				event.preventDefault();
				if ( found ) {
					onFound( found );
				}
			} }
		>
			<p>
				{ __(
					'Your chatbot lives at Causerie. To connect this site to it, WordPress needs three things from your Causerie dashboard: the API address, a Client ID and a secret. Start with the address.',
					'causerie-connector'
				) }
			</p>
			<TextControl
				__next40pxDefaultSize
				label={ FIELD_LABELS.apiUrl }
				type="url"
				value={ address }
				onChange={ setAddress }
				autoComplete="off"
				spellCheck={ false }
				aria-invalid={ fieldError ? true : undefined }
				help={
					fieldError ??
					__(
						'Such as https://api.causerie.example. Causerie shows it beside your Client ID.',
						'causerie-connector'
					)
				}
			/>
			<ProgressStatus busy={ isBusy } message={ status } />
			{ failure?.diagnosis && (
				<DiagnosisNotice
					code={ failure.diagnosis.code }
					text={ failure.diagnosis }
					silent
				/>
			) }
			{ found && (
				<div className="causerie-first-run__where">
					{ link ? (
						<p>
							<ExternalLink href={ link }>
								{ __(
									'Get your Client ID and secret',
									'causerie-connector'
								) }
							</ExternalLink>
						</p>
					) : (
						<p>
							{ __(
								'You find your Client ID and secret in your Causerie dashboard, where you created the app for this site. Keep that page open: you paste them on the next step.',
								'causerie-connector'
							) }
						</p>
					) }
				</div>
			) }
			<Button
				variant="primary"
				type="submit"
				disabled={ ! found || isBusy || ! looksLikeAddress( address ) }
				accessibleWhenDisabled
			>
				{ __( 'Continue', 'causerie-connector' ) }
			</Button>
		</form>
	);
}
