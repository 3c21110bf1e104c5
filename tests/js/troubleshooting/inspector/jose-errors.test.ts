import * as joseErrors from 'jose/errors';

import { isDiagnosisCode } from '../../../../src/shared/codes';
import {
	JOSE_ERROR_DIAGNOSES,
	diagnoseClaim,
	diagnoseJoseError,
	isJoseErrorCode,
} from '../../../../src/troubleshooting/inspector/jose-errors';

type ErrorClass = ( new ( message?: string ) => Error ) & { code: string };

/** Every error class jose exports, found by its static code rather than listed by hand. */
const ERROR_CLASSES = (
	Object.entries( joseErrors ) as Array< [ string, unknown ] >
 ).filter(
	( entry ): entry is [ string, ErrorClass ] =>
		typeof entry[ 1 ] === 'function' &&
		typeof ( entry[ 1 ] as { code?: unknown } ).code === 'string'
);

describe( 'the jose error map', () => {
	it( 'finds jose’s error classes', () => {
		expect( ERROR_CLASSES.length ).toBeGreaterThanOrEqual( 15 );
		expect( ERROR_CLASSES.map( ( [ name ] ) => name ) ).toEqual(
			expect.arrayContaining( [
				'JOSEError',
				'JWTExpired',
				'JWSSignatureVerificationFailed',
			] )
		);
	} );

	it( 'maps every error code jose exports, and no other', () => {
		const codes = new Set( ERROR_CLASSES.map( ( [ , cls ] ) => cls.code ) );

		expect( Object.keys( JOSE_ERROR_DIAGNOSES ).sort() ).toEqual(
			[ ...codes ].sort()
		);
		for ( const code of codes ) {
			expect( isJoseErrorCode( code ) ).toBe( true );
		}
	} );

	it( 'maps every code to a diagnosis code defined in codes.json', () => {
		for ( const diagnosis of Object.values( JOSE_ERROR_DIAGNOSES ) ) {
			expect( isDiagnosisCode( diagnosis ) ).toBe( true );
		}
	} );

	it.each( ERROR_CLASSES )(
		'diagnoses a thrown %s by its code',
		( _name, ErrorClass ) => {
			const error = new ErrorClass( 'a raw message' );
			const diagnosis = diagnoseJoseError( error );

			expect( isDiagnosisCode( diagnosis ) ).toBe( true );
			if ( ErrorClass.code !== 'ERR_JWT_CLAIM_VALIDATION_FAILED' ) {
				expect( diagnosis ).toBe(
					JOSE_ERROR_DIAGNOSES[
						ErrorClass.code as keyof typeof JOSE_ERROR_DIAGNOSES
					]
				);
			}
		}
	);

	it.each( [
		[ 'ERR_JWT_EXPIRED', 'token_expired' ],
		[ 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'token_signature_invalid' ],
		[ 'ERR_JWKS_NO_MATCHING_KEY', 'signing_key_unknown' ],
		[ 'ERR_JOSE_ALG_NOT_ALLOWED', 'token_algorithm_not_allowed' ],
		[ 'ERR_JWS_INVALID', 'token_malformed' ],
		[ 'ERR_JWT_INVALID', 'token_malformed' ],
		[ 'ERR_JWKS_INVALID', 'signing_keys_invalid' ],
	] as const )( 'reads %s as %s', ( code, diagnosis ) => {
		expect( JOSE_ERROR_DIAGNOSES[ code ] ).toBe( diagnosis );
	} );
} );

describe( 'claim validation failures', () => {
	it.each( [
		[ 'nbf', 'check_failed', 'token_not_yet_valid' ],
		[ 'iat', 'check_failed', 'token_not_yet_valid' ],
		[ 'exp', 'check_failed', 'token_expired' ],
		[ 'iss', 'check_failed', 'token_issuer_mismatch' ],
		[ 'iss', 'missing', 'token_issuer_mismatch' ],
		[ 'aud', 'check_failed', 'token_audience_mismatch' ],
		[ 'aud', 'missing', 'token_audience_mismatch' ],
		[ 'typ', 'check_failed', 'token_type_invalid' ],
		[ 'exp', 'invalid', 'token_malformed' ],
		[ 'nbf', 'invalid', 'token_malformed' ],
		[ 'jti', 'missing', 'token_malformed' ],
		[ 'client_id', 'missing', 'token_malformed' ],
		[ 'sub', 'check_failed', 'token_invalid' ],
	] )( '%s (%s) is %s', ( claim, reason, diagnosis ) => {
		expect( diagnoseClaim( claim, reason ) ).toBe( diagnosis );
		expect(
			diagnoseJoseError(
				new joseErrors.JWTClaimValidationFailed(
					'a raw message',
					{},
					claim,
					reason
				)
			)
		).toBe( diagnosis );
	} );
} );

describe( 'errors that are not jose’s', () => {
	it.each( [
		[ 'a TypeError', new TypeError( 'Failed to execute verify' ) ],
		[
			'a DOMException',
			new DOMException( 'Operation failed', 'OperationError' ),
		],
		[ 'an error with a foreign code', { code: 'ERR_INVALID_ARG_TYPE' } ],
		[ 'a string', 'boom' ],
		[ 'null', null ],
	] )( 'reads %s as unverifiable', ( _case, error ) => {
		expect( diagnoseJoseError( error ) ).toBe( 'token_unverifiable' );
	} );
} );
