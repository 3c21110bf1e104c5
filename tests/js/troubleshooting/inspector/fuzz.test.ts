/**
 * Generated tokens through every pure function of the inspector: decode, the claims table, the verdicts and
 * the verification. None may throw, and each ends in a known outcome. A seeded run of 10,000 is part of the
 * suite; CAUSERIE_FUZZ_RUNS and CAUSERIE_FUZZ_SEED run more, or replay one case.
 */
import { generateKeyPair, exportJWK } from 'jose';
import type { CryptoKey, JSONWebKeySet } from 'jose';

import { isDiagnosisCode } from '../../../../src/shared/codes';
import {
	claimRows,
	countdown,
	isDate,
	scopesOf,
} from '../../../../src/troubleshooting/inspector/claims';
import {
	decodeToken,
	MAX_TOKEN_BYTES,
} from '../../../../src/troubleshooting/inspector/decode';
import {
	judgeByServer,
	judgeUnverified,
	judgeVerified,
} from '../../../../src/troubleshooting/inspector/inspect';
import {
	expectationsFor,
	verifyToken,
} from '../../../../src/troubleshooting/inspector/verify';
import type { CheckResult } from '../../../../src/shared/types';
import { SETTINGS } from './fixtures';
import { KINDS, base64url, fuzzToken, type Kind } from './fuzz-tokens';
import { NOW } from './tokens';

const RUNS = Number( process.env.CAUSERIE_FUZZ_RUNS ?? 10_000 );
const SEED = Number( process.env.CAUSERIE_FUZZ_SEED ?? 1 );
const DEFAULT_RUN =
	! process.env.CAUSERIE_FUZZ_RUNS && ! process.env.CAUSERIE_FUZZ_SEED;

const CHECKS: CheckResult[] = [
	{ id: 'token', status: 'ok', code: '', message: '', evidence: {} },
	{
		id: 'api',
		status: 'error',
		code: 'token_expired',
		message: '',
		evidence: {},
	},
];

/** Kinds of which one in four is signed with the published key, so the claims are judged too. */
const SIGNED: readonly Kind[] = [
	'well formed',
	'wrong claim types',
	'unicode',
];

/** A guard against a hang, not a time limit: a loaded machine takes longer than the default 5 s. */
const HANG_GUARD_MS = 300_000;

interface Key {
	privateKey: CryptoKey;
	jwks: JSONWebKeySet;
}

async function esKey(): Promise< Key > {
	const { publicKey, privateKey } = await generateKeyPair( 'ES256' );
	const jwk = {
		...( await exportJWK( publicKey ) ),
		kid: 'es256-key',
		alg: 'ES256',
	};
	return { privateKey, jwks: { keys: [ jwk ] } };
}

/**
 * The token signed with the key, as the API signs it: ES256 over its own claims.
 *
 * @param token A compact JWS.
 * @param key   The signing key.
 */
async function signed( token: string, key: Key ): Promise< string > {
	const input = `${ base64url( '{"alg":"ES256","typ":"at+jwt","kid":"es256-key"}' ) }.${ token.split( '.' )[ 1 ] ?? '' }`;
	const signature = await crypto.subtle.sign(
		{ name: 'ECDSA', hash: 'SHA-256' },
		key.privateKey,
		new TextEncoder().encode( input )
	);
	return `${ input }.${ base64url( String.fromCharCode( ...new Uint8Array( signature ) ), true ) }`;
}

/**
 * Every pure function of the inspector on one token; what they concluded.
 *
 * @param token The token, as pasted.
 * @param key   The published key.
 */
async function exercise( token: string, key: Key ): Promise< string > {
	const result = decodeToken( token );
	if ( ! result.ok ) {
		return result.code;
	}
	const expectations = expectationsFor( SETTINGS.apiUrl );
	const { decoded } = result;
	claimRows( decoded.header, decoded.claims );
	scopesOf( decoded.claims );
	if ( isDate( decoded.claims.exp ) ) {
		countdown( decoded.claims.exp, NOW * 1000 );
	}
	judgeUnverified( decoded, SETTINGS, expectations );
	judgeByServer( decoded, SETTINGS, CHECKS, expectations );
	const verification = await verifyToken(
		decoded.token,
		key.jwks,
		expectations,
		new Date( NOW * 1000 )
	);
	const inspection = judgeVerified(
		'pasted',
		decoded,
		SETTINGS,
		verification,
		expectations
	);
	const unknown = inspection.findings.filter(
		( code ) => ! isDiagnosisCode( code )
	);
	if ( unknown.length > 0 ) {
		throw new Error( `unknown findings: ${ unknown.join( ', ' ) }` );
	}
	return verification.ok ? 'verified' : verification.code;
}

describe( 'the inspector on generated tokens', () => {
	it(
		`reads ${ RUNS } of them, from seed ${ SEED }, without throwing`,
		async () => {
			const key = await esKey();
			const classes = new Map< string, number >();
			const failures: string[] = [];
			for ( let i = 0; i < RUNS; i++ ) {
				const { kind, token: made } = fuzzToken( SEED + i );
				try {
					const token =
						SIGNED.includes( kind ) &&
						Math.floor( i / KINDS.length ) % 4 === 0
							? await signed( made, key )
							: made;
					const found = `${ kind } → ${ await exercise( token, key ) }`;
					classes.set( found, ( classes.get( found ) ?? 0 ) + 1 );
				} catch ( error ) {
					failures.push(
						`CAUSERIE_FUZZ_SEED=${ SEED + i } CAUSERIE_FUZZ_RUNS=1 (${ kind }, ${ made.length } code units): ${ String( error ) }`
					);
				}
			}

			// The failures name the seeds to replay.
			expect( {
				failed: failures.length,
				first: failures.slice( 0, 20 ),
			} ).toEqual( { failed: 0, first: [] } );
			expect(
				[ ...classes.values() ].reduce( ( a, b ) => a + b, 0 )
			).toBe( RUNS );
			if ( DEFAULT_RUN ) {
				// The generator reaches every outcome worth reaching; a change that stops it would fuzz nothing.
				expect( [ ...classes.keys() ] ).toEqual(
					expect.arrayContaining( [
						'random bytes → token_malformed',
						'huge header → token_too_large',
						'deep json → token_too_large',
						'deep json → token_malformed',
						'well formed → verified',
						'well formed → token_expired',
						'well formed → token_signature_invalid',
						'wrong claim types → token_malformed',
						'wrong claim types → token_issuer_mismatch',
						'wrong claim types → token_audience_mismatch',
						'unicode → token_issuer_mismatch',
					] )
				);
				expect(
					new Set(
						[ ...classes.keys() ].map(
							( found ) => found.split( ' → ' )[ 0 ]
						)
					)
				).toEqual( new Set( KINDS ) );
			}
		},
		HANG_GUARD_MS
	);

	it( `refuses a token over ${ MAX_TOKEN_BYTES } bytes before decoding it`, () => {
		const claims = base64url(
			JSON.stringify( { sub: 'é'.repeat( MAX_TOKEN_BYTES / 2 ) } )
		);

		expect(
			decodeToken( `eyJhbGciOiJFUzI1NiJ9.${ claims }.c2ln` )
		).toEqual( {
			ok: false,
			code: 'token_too_large',
		} );
		expect( decodeToken( 'é'.repeat( MAX_TOKEN_BYTES / 2 + 1 ) ) ).toEqual(
			{
				ok: false,
				code: 'token_too_large',
			}
		);
		expect( decodeToken( 'A'.repeat( MAX_TOKEN_BYTES ) ) ).toEqual( {
			ok: false,
			code: 'token_malformed',
		} );
	} );

	// Tokens the fuzzer broke the inspector with.
	it.each( [
		[
			'an exp beyond the dates a browser holds',
			'{"iss":"x","exp":1e13}',
			'token_signature_invalid',
		],
		[
			'an audience nested 5000 deep',
			`{"aud":${ '['.repeat( 5000 ) }${ ']'.repeat( 5000 ) }}`,
			'token_malformed',
		],
	] )( 'reads a token with %s', async ( _case, claims, outcome ) => {
		const token = `${ base64url( '{"alg":"ES256","typ":"at+jwt","kid":"es256-key"}' ) }.${ base64url( claims ) }.c2ln`;

		expect( await exercise( token, await esKey() ) ).toBe( outcome );
	} );
} );
