import {
	DIAGNOSIS_CODES,
	isDiagnosisCode,
	severityOf,
} from '../../../src/shared/codes';

describe( 'diagnosis codes shared with PHP', () => {
	it( 'gives every code a known severity', () => {
		expect( DIAGNOSIS_CODES.length ).toBeGreaterThan( 20 );
		for ( const code of DIAGNOSIS_CODES ) {
			expect( [ 'error', 'warning', 'info' ] ).toContain(
				severityOf( code )
			);
		}
	} );

	it( 'knows the causes the admin screen switches on', () => {
		for ( const code of [
			'token_expired',
			'token_revoked',
			'token_signature_invalid',
			'token_malformed',
			'insufficient_scope',
			'environment_mismatch',
			'invalid_client',
			'clock_skew',
			'encryption_key_changed',
			'site_moved',
		] ) {
			expect( isDiagnosisCode( code ) ).toBe( true );
		}
		expect( severityOf( 'clock_skew' ) ).toBe( 'warning' );
	} );

	it( 'refuses a code the engine does not define', () => {
		expect( isDiagnosisCode( 'everything_is_fine' ) ).toBe( false );
		expect( isDiagnosisCode( 'toString' ) ).toBe( false );
	} );
} );
