/**
 * Reads a failed settings request: a 400 names fields (core's schema validation in `data.params`, the
 * plugin's own checks in `data.field`); a 409, 422 or 502 carries a diagnosis.
 */
import { __ } from '@wordpress/i18n';

import { toRestError } from '../../shared/api/rest';
import type { CredentialField } from '../../shared/types';
import { FIELD_LABELS } from './constants';
import type { DiagnosisDetail, Failure, FieldErrors } from './types';

type Data = Record< string, unknown >;

function isObject( value: unknown ): value is Data {
	return typeof value === 'object' && value !== null;
}

function isCredentialField( name: string ): name is CredentialField {
	return Object.prototype.hasOwnProperty.call( FIELD_LABELS, name );
}

function diagnosisOf( data: Data, title: string ): DiagnosisDetail | null {
	const diagnosis = data.diagnosis;
	if ( ! isObject( diagnosis ) || typeof diagnosis.code !== 'string' ) {
		return null;
	}
	const steps = Array.isArray( diagnosis.steps )
		? diagnosis.steps.filter(
				( step ): step is string => typeof step === 'string'
			)
		: [];
	return {
		...( diagnosis as unknown as DiagnosisDetail ),
		title: typeof diagnosis.title === 'string' ? diagnosis.title : title,
		explanation:
			typeof diagnosis.explanation === 'string'
				? diagnosis.explanation
				: '',
		steps,
		evidence: isObject( diagnosis.evidence ) ? diagnosis.evidence : {},
	};
}

/** Core's rest_invalid_param (field → message) and rest_missing_callback_param (list of names). */
function paramErrors( data: Data ): { fields: FieldErrors; other: string[] } {
	const fields: FieldErrors = {};
	const other: string[] = [];
	const params = data.params;
	const details = isObject( data.details ) ? data.details : {};
	const entries: Array< [ string, unknown ] > = Array.isArray( params )
		? params.map( ( name ) => [ String( name ), null ] )
		: Object.entries( isObject( params ) ? params : {} );
	for ( const [ name, given ] of entries ) {
		const detail = details[ name ];
		let message: string = __(
			'This field is required.',
			'causerie-connector'
		);
		if ( typeof given === 'string' && given !== '' ) {
			message = given;
		} else if ( isObject( detail ) && typeof detail.message === 'string' ) {
			message = detail.message;
		}
		if ( isCredentialField( name ) ) {
			fields[ name ] = message;
		} else {
			other.push( message );
		}
	}
	return { fields, other };
}

/**
 * What a rejected save or verification means for the form.
 *
 * @param reason What apiFetch rejected with.
 */
export function readFailure( reason: unknown ): Failure {
	const error = toRestError( reason );
	const data: Data = isObject( error.data ) ? error.data : {};
	const diagnosis = diagnosisOf( data, error.message );
	if ( diagnosis ) {
		return { fieldErrors: {}, message: null, diagnosis };
	}
	const { fields, other } = paramErrors( data );
	if ( typeof data.field === 'string' && isCredentialField( data.field ) ) {
		fields[ data.field ] = error.message;
	}
	const hasFieldErrors = Object.keys( fields ).length > 0;
	let message: string | null = null;
	if ( other.length > 0 ) {
		message = other.join( ' ' );
	} else if ( ! hasFieldErrors ) {
		message = error.message;
	}
	return { fieldErrors: fields, message, diagnosis: null };
}
