import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { diagnosisOf } from '../shared/api/rest';
import { useDiagnosisTexts } from '../shared/hooks/useDiagnosisTexts';
import { useTokenInspection } from './hooks/useTokenInspection';
import { hasSubtleCrypto } from './inspector/verify';
import type { AuthorizationServer } from '../shared/types';
import { DiagnosisNotice } from '../shared/DiagnosisNotice';
import { InspectionResult } from './InspectionResult';

interface Props {
	/** The sign-in service found for the API address, when known: tokens carry its issuer and audience. */
	server?: AuthorizationServer | null;
}

/**
 * Looks inside the token the plugin uses, fetched on request, or a token the admin pastes. A pasted token is
 * decoded and verified in this browser only; it is never sent to the server.
 */
export function TokenInspector( { server = null }: Props ) {
	const texts = useDiagnosisTexts();
	const { data, isBusy, error, inspectCurrent, inspectPasted } =
		useTokenInspection( server );
	const [ pasted, setPasted ] = useState( '' );
	const secure = hasSubtleCrypto();
	const failure = error ? diagnosisOf( error ) : null;

	return (
		<Card className="causerie-token-inspector">
			<CardHeader>
				<h2>{ __( 'Token inspector', 'causerie-connector' ) }</h2>
			</CardHeader>
			<CardBody>
				<p>
					{ __(
						'See what the access token says, whether its signature holds, and whether it fits this site.',
						'causerie-connector'
					) }
				</p>
				{ ! secure && (
					<DiagnosisNotice
						code="secure_context_required"
						text={ texts?.secure_context_required }
					/>
				) }
				<p>
					<Button
						variant="secondary"
						onClick={ inspectCurrent }
						disabled={ isBusy }
						accessibleWhenDisabled
					>
						{ __(
							'Inspect the current token',
							'causerie-connector'
						) }
					</Button>
				</p>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Or paste a token', 'causerie-connector' ) }
					help={ __(
						'A pasted token is checked in this browser only. It is never sent to the server.',
						'causerie-connector'
					) }
					value={ pasted }
					onChange={ setPasted }
					rows={ 4 }
				/>
				<p>
					<Button
						variant="secondary"
						onClick={ () => inspectPasted( pasted ) }
						disabled={ isBusy || pasted.trim() === '' }
						accessibleWhenDisabled
					>
						{ __(
							'Inspect the pasted token',
							'causerie-connector'
						) }
					</Button>
				</p>
				{ isBusy && (
					<p role="status">
						<Spinner />
						{ __( 'Inspecting…', 'causerie-connector' ) }
					</p>
				) }
				{ failure && (
					<DiagnosisNotice code={ failure.code } text={ failure } />
				) }
				{ error && ! failure && (
					<Notice status="error" isDismissible={ false }>
						<p>{ error.message }</p>
					</Notice>
				) }
				{ data && ! isBusy && (
					<InspectionResult inspection={ data } texts={ texts } />
				) }
			</CardBody>
		</Card>
	);
}
