import { firstProblem, healthRows } from '../../../src/shared/health/rows';
import {
	formatClockTime,
	formatDuration,
	formatRelative,
} from '../../../src/shared/time';
import {
	FIX_KINDS,
	fixKindOf,
	opensWizard,
} from '../../../src/connection/wizard/causes';
import { parsePastedCredentials } from '../../../src/connection/wizard/paste';
import { catalogEntry, DIAGNOSIS_CODES } from '../../../src/shared/codes';
import { run } from './fixtures';

describe( 'health rows', () => {
	it( 'blames the signature only for a signature refusal', () => {
		const signature = healthRows(
			run( {
				api: {
					status: 'error',
					code: 'token_signature_invalid',
					message: 'Bad signature.',
				},
			} ).checks
		);
		const revoked = healthRows(
			run( {
				api: {
					status: 'error',
					code: 'token_revoked',
					message: 'Revoked.',
				},
			} ).checks
		);

		expect(
			signature.find( ( row ) => row.id === 'signature' )
		).toMatchObject( { status: 'error', code: 'token_signature_invalid' } );
		expect( signature.find( ( row ) => row.id === 'token' ) ).toMatchObject(
			{ status: 'error' }
		);
		expect( revoked.find( ( row ) => row.id === 'token' ) ).toMatchObject( {
			status: 'error',
			code: 'token_revoked',
			detail: 'Revoked.',
		} );
		expect(
			revoked.find( ( row ) => row.id === 'signature' )
		).toMatchObject( { status: 'skipped', code: '' } );
	} );

	it( 'shows the configuration problem on every row when nothing could be checked', () => {
		const rows = healthRows( [
			{
				id: 'configured',
				status: 'error',
				code: 'not_configured',
				message: 'Enter the credentials.',
				evidence: {},
			},
		] );

		expect(
			rows.every(
				( row ) =>
					row.status === 'skipped' &&
					row.detail === 'Enter the credentials.'
			)
		).toBe( true );
	} );

	it( 'names the missing scopes and the clock difference', () => {
		const rows = healthRows(
			run( {
				scopes: {
					status: 'error',
					code: 'insufficient_scope',
					message: 'Scopes missing.',
					evidence: { missing: [ 'write:knowledge' ] },
				},
				clock: {
					status: 'warning',
					code: 'clock_skew',
					message: 'Clock off.',
					evidence: { skewSeconds: -3700 },
				},
			} ).checks
		);

		expect( rows.find( ( row ) => row.id === 'scopes' )?.detail ).toBe(
			'Scopes missing. Missing: write:knowledge.'
		);
		expect( rows.find( ( row ) => row.id === 'clock' )?.detail ).toBe(
			'Clock off. Off by 1 hr 1 min.'
		);
	} );

	it( 'shows a token the API refused on the token check, as the engine reports it', () => {
		const rows = healthRows(
			run( {
				token: {
					status: 'error',
					code: 'signing_key_unknown',
					message: 'Unknown key.',
				},
				api: { status: 'skipped' },
			} ).checks
		);

		expect( rows.find( ( row ) => row.id === 'token' ) ).toMatchObject( {
			status: 'error',
			code: 'signing_key_unknown',
		} );
		expect( rows.find( ( row ) => row.id === 'signature' ) ).toMatchObject(
			{ status: 'error', code: 'signing_key_unknown' }
		);
	} );

	it( 'says when the API states no environment, without counting it as a problem', () => {
		const checks = run( {
			environment: { status: 'skipped', evidence: { stated: false } },
		} ).checks;

		expect(
			healthRows( checks ).find( ( row ) => row.id === 'environment' )
		).toEqual( {
			id: 'environment',
			label: 'Environment matches',
			status: 'skipped',
			detail: 'The API does not state which environment these credentials belong to: nothing to compare.',
			code: '',
		} );
		expect( firstProblem( checks ) ).toBeNull();
	} );

	it( 'names what the checks repaired on the token row', () => {
		const checks = run( {
			token: {
				evidence: {
					healed: 'token_expired',
					obtainedAt: '2026-11-26T10:00:00Z',
				},
			},
		} ).checks;
		const time = formatClockTime( '2026-11-26T10:00:00Z' );

		expect(
			healthRows( checks, {
				titleOf: ( code ) => `Title of ${ code }.`,
			} ).find( ( row ) => row.id === 'token' )?.detail
		).toBe(
			`The API accepts the new token, obtained at ${ time } after the old one was refused: Title of token_expired.`
		);
		expect(
			healthRows( checks ).find( ( row ) => row.id === 'token' )?.detail
		).toBe(
			`The API accepts the new token, obtained at ${ time } after the old one was refused.`
		);
	} );

	it( 'puts errors before warnings', () => {
		const checks = run( {
			clock: { status: 'warning', code: 'clock_skew' },
			api: { status: 'error', code: 'token_expired' },
		} ).checks;

		expect( firstProblem( checks )?.code ).toBe( 'token_expired' );
		expect( firstProblem( run().checks ) ).toBeNull();
	} );
} );

describe( 'durations and moments', () => {
	it( 'keeps the two largest units', () => {
		expect( formatDuration( 45 ) ).toBe( '45 sec' );
		expect( formatDuration( -125 ) ).toBe( '2 min 5 sec' );
		expect( formatDuration( 90061 ) ).toBe( '1 day 1 hr' );
	} );

	it( 'gives the time of a moment today, and its date too otherwise', () => {
		const now = Date.parse( '2026-11-26T12:00:00' );
		// ICU puts a narrow space before AM and PM.
		expect( formatClockTime( '2026-11-26T08:05:00', now ) ).toMatch(
			/^8:05\sAM$/
		);
		expect( formatClockTime( '2026-11-25T20:01:00', now ) ).toMatch(
			/^Nov 25, 2026, 8:01\sPM$/
		);
	} );

	it( 'says how long ago or ahead', () => {
		const now = Date.parse( '2026-11-26T10:00:00Z' );
		expect( formatRelative( '2026-11-26T09:57:00Z', now ) ).toBe(
			'3 minutes ago'
		);
		expect( formatRelative( '2026-11-26T10:48:00Z', now ) ).toBe(
			'in 48 minutes'
		);
	} );
} );

describe( 'causes', () => {
	it( 'reads a known fix kind for every code from codes.json', () => {
		for ( const code of DIAGNOSIS_CODES ) {
			const { fix } = catalogEntry( code );
			expect( FIX_KINDS ).toContain( fix );
			expect( fixKindOf( code ) ).toBe( fix );
		}
	} );

	it( 'asks the admin to correct the address when nothing answers there', () => {
		expect( fixKindOf( 'not_found' ) ).toBe( 'address' );
		expect( fixKindOf( 'invalid_target' ) ).toBe( 'address' );
		expect( fixKindOf( 'environment_mismatch' ) ).toBe( 'environment' );
		expect( fixKindOf( 'token_revoked' ) ).toBe( 'renew' );
	} );

	it( 'offers only to check again for a code this build does not know', () => {
		expect( fixKindOf( 'a_cause_from_a_newer_server' ) ).toBe( 'wait' );
		expect( opensWizard( 'a_cause_from_a_newer_server' ) ).toBe( false );
	} );

	it( 'opens by itself for the causes codes.json marks, 401 and 403 ones', () => {
		for ( const code of DIAGNOSIS_CODES ) {
			expect( opensWizard( code ) ).toBe( catalogEntry( code ).wizard );
		}
		expect( opensWizard( 'token_expired' ) ).toBe( true );
		expect( opensWizard( 'insufficient_scope' ) ).toBe( true );
		expect( opensWizard( 'invalid_client' ) ).toBe( true );
		expect( opensWizard( 'invalid_target' ) ).toBe( true );
		expect( opensWizard( 'server_error' ) ).toBe( false );
		expect( opensWizard( 'clock_skew' ) ).toBe( false );
		expect( opensWizard( 'not_found' ) ).toBe( false );
	} );
} );

describe( 'pasted credentials', () => {
	it.each( [
		[
			'{"client_id":"wp-production","client_secret":"s3cret"}',
			'wp-production',
			's3cret',
		],
		[ 'wp-production:s3cret', 'wp-production', 's3cret' ],
		[
			'Client ID: wp-production\nClient secret: s3cret\n',
			'wp-production',
			's3cret',
		],
		[ 'wp-production\r\ns3cret', 'wp-production', 's3cret' ],
	] )( 'reads %j', ( text, clientId, clientSecret ) => {
		expect( parsePastedCredentials( text ) ).toEqual( {
			clientId,
			clientSecret,
		} );
	} );

	it.each( [
		'wp-production',
		'{"client_id":"only-id"}',
		'a b c',
		'{not json',
	] )( 'leaves a single value alone: %j', ( text ) => {
		expect( parsePastedCredentials( text ) ).toBeNull();
	} );
} );
