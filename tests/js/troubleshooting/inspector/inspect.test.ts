import type { DecodedToken } from '../../../../src/troubleshooting/inspector/decode';
import {
	judgeByServer,
	judgeUnverified,
	judgeVerified,
	malformed,
	opaqueToken,
} from '../../../../src/troubleshooting/inspector/inspect';
import {
	compareScopes,
	expectedEnvironment,
} from '../../../../src/troubleshooting/inspector/requirements';
import type { CheckResult } from '../../../../src/shared/types';
import { SETTINGS } from './fixtures';
import { ISSUER, accessClaims } from './tokens';

function decoded( claims: Record< string, unknown > = {} ): DecodedToken {
	return {
		token: 'h.p.s',
		header: { alg: 'RS256', typ: 'at+jwt' },
		claims: accessClaims( { claims } ),
	};
}

function check(
	id: CheckResult[ 'id' ],
	status: CheckResult[ 'status' ],
	code: CheckResult[ 'code' ] = ''
): CheckResult {
	return { id, status, code, message: '', evidence: {} };
}

describe( 'compareScopes', () => {
	it( 'tells granted, missing and extra scopes apart', () => {
		expect(
			compareScopes(
				[ 'read:widget', 'read:conversations' ],
				[ 'read:widget', 'write:knowledge' ]
			)
		).toEqual( {
			granted: [ 'read:widget' ],
			missing: [ 'write:knowledge' ],
			extra: [ 'read:conversations' ],
		} );
	} );
} );

describe( 'expectedEnvironment', () => {
	it( 'expects development credentials on a local site, and the same name elsewhere', () => {
		expect( expectedEnvironment( 'local' ) ).toBe( 'development' );
		expect( expectedEnvironment( 'production' ) ).toBe( 'production' );
	} );
} );

describe( 'judgeVerified', () => {
	it( 'finds nothing wrong with a verified token that fits the site', () => {
		const inspection = judgeVerified( 'pasted', decoded(), SETTINGS, {
			ok: true,
		} );

		expect( inspection ).toMatchObject( {
			source: 'pasted',
			signature: 'verified',
			findings: [],
			expected: {
				issuer: ISSUER,
				audience: `${ ISSUER }/v1`,
				environment: 'development',
				scopes: [ 'read:widget', 'write:knowledge' ],
			},
		} );
	} );

	it( 'adds missing scopes and another environment to a failed verification', () => {
		const inspection = judgeVerified(
			'current',
			decoded( { scope: 'read:widget', environment: 'production' } ),
			SETTINGS,
			{ ok: false, code: 'token_expired' }
		);

		expect( inspection.signature ).toBe( 'refused' );
		expect( inspection.findings ).toEqual( [
			'token_expired',
			'insufficient_scope',
			'environment_mismatch',
		] );
		expect( inspection.scopes?.missing ).toEqual( [ 'write:knowledge' ] );
	} );

	it( 'holds the token to the expectations it was verified against', () => {
		const inspection = judgeVerified(
			'pasted',
			decoded(),
			SETTINGS,
			{ ok: true },
			{ issuer: 'https://auth.example.test', audience: null }
		);

		expect( inspection.expected ).toMatchObject( {
			issuer: 'https://auth.example.test',
			audience: null,
		} );
	} );

	it( 'does not judge the environment of a token without the claim', () => {
		const inspection = judgeVerified(
			'current',
			decoded( { environment: undefined } ),
			SETTINGS,
			{ ok: true }
		);
		expect( inspection.findings ).toEqual( [] );
	} );
} );

describe( 'judgeUnverified', () => {
	it( 'marks a pasted token as not verified, still judging its claims', () => {
		const inspection = judgeUnverified(
			decoded( { scope: 'read:widget' } ),
			SETTINGS
		);
		expect( inspection.signature ).toBe( 'not-verified' );
		expect( inspection.findings ).toEqual( [ 'insufficient_scope' ] );
	} );
} );

describe( 'judgeByServer', () => {
	it( 'trusts the token when the API accepted it', () => {
		const checks = [
			check( 'configured', 'ok' ),
			check( 'reachable', 'ok' ),
			check( 'token', 'ok' ),
			check( 'api', 'ok' ),
			check( 'scopes', 'ok' ),
		];
		const inspection = judgeByServer( decoded(), SETTINGS, checks );

		expect( inspection.signature ).toBe( 'server-verified' );
		expect( inspection.findings ).toEqual( [] );
		expect( inspection.serverChecks.map( ( c ) => c.id ) ).toEqual( [
			'token',
			'api',
		] );
	} );

	it( 'reports the API’s refusal', () => {
		const checks = [
			check( 'token', 'ok' ),
			check( 'api', 'error', 'token_signature_invalid' ),
			check( 'scopes', 'error', 'insufficient_scope' ),
		];
		const inspection = judgeByServer( decoded(), SETTINGS, checks );

		expect( inspection.signature ).toBe( 'server-refused' );
		expect( inspection.findings ).toEqual( [ 'token_signature_invalid' ] );
	} );

	it( 'reports why the token checks could not run', () => {
		const checks = [ check( 'reachable', 'error', 'timeout' ) ];
		const inspection = judgeByServer( decoded(), SETTINGS, checks );

		expect( inspection.signature ).toBe( 'server-refused' );
		expect( inspection.findings ).toEqual( [ 'timeout' ] );
		expect( inspection.serverChecks ).toEqual( [] );
	} );
} );

describe( 'opaqueToken', () => {
	it( 'finds nothing wrong, and has nothing to decode', () => {
		expect( opaqueToken() ).toMatchObject( {
			source: 'current',
			decoded: null,
			signature: 'opaque',
			findings: [],
		} );
	} );
} );

describe( 'malformed', () => {
	it( 'has nothing to show but the diagnosis', () => {
		expect( malformed( 'pasted' ) ).toMatchObject( {
			decoded: null,
			findings: [ 'token_malformed' ],
		} );
	} );
} );
