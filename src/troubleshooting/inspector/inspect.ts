/**
 * Puts the pieces together: what the inspector concludes about a decoded token, given the settings and
 * either its own verification or the server's live checks.
 */
import type { DiagnosisCode } from '../../shared/codes';
import type { CheckResult, Settings } from '../../shared/types';
import { scopesOf } from './claims';
import type { DecodedToken } from './decode';
import {
	compareScopes,
	expectedEnvironment,
	requirementFindings,
	type ScopeComparison,
} from './requirements';
import {
	expectationsFor,
	type Expectations,
	type Verification,
} from './verify';

export type TokenSource = 'current' | 'pasted';

export type SignatureState =
	/** Checked in this browser with the published keys, and it holds. */
	| 'verified'
	/** Checked in this browser, and refused: see the findings. */
	| 'refused'
	/** No WebCrypto here: the server's live checks accepted the current token. */
	| 'server-verified'
	/** No WebCrypto here: the server's live checks refused it or could not run. */
	| 'server-refused'
	/** No WebCrypto here, and a pasted token is never sent to the server. */
	| 'not-verified'
	/** Not a JWT: nothing to decode or verify here; the API checks it on each call. */
	| 'opaque'
	/** Over MAX_TOKEN_BYTES: refused before it is decoded. */
	| 'too-large';

export interface Expected {
	issuer: string;
	/** Null when not checked: the API publishes no resource identifier. */
	audience: string | null;
	environment: string;
	scopes: string[];
}

export interface Inspection {
	source: TokenSource;
	/** Null when the token can't even be decoded. */
	decoded: DecodedToken | null;
	signature: SignatureState;
	/** Every problem found, most basic first, without repeats. */
	findings: DiagnosisCode[];
	scopes: ScopeComparison | null;
	expected: Expected | null;
	/** The server's token and API checks, when it verified instead of the browser. */
	serverChecks: CheckResult[];
}

/** The server checks that judge the token itself; scopes and environment are judged here. */
const SERVER_TOKEN_CHECKS: ReadonlyArray< CheckResult[ 'id' ] > = [
	'token',
	'api',
];

/** The current token, when the server says it is opaque rather than a JWT. */
export function opaqueToken(): Inspection {
	return {
		source: 'current',
		decoded: null,
		signature: 'opaque',
		findings: [],
		scopes: null,
		expected: null,
		serverChecks: [],
	};
}

/**
 * A token over MAX_TOKEN_BYTES: not decoded, so nothing is found in it.
 *
 * @param source Where the token comes from.
 */
export function tooLarge( source: TokenSource ): Inspection {
	return {
		source,
		decoded: null,
		signature: 'too-large',
		findings: [],
		scopes: null,
		expected: null,
		serverChecks: [],
	};
}

export function malformed( source: TokenSource ): Inspection {
	return {
		source,
		decoded: null,
		signature: 'refused',
		findings: [ 'token_malformed' ],
		scopes: null,
		expected: null,
		serverChecks: [],
	};
}

function judge(
	source: TokenSource,
	decoded: DecodedToken,
	settings: Settings,
	signature: SignatureState,
	found: DiagnosisCode[],
	expectations: Expectations,
	serverChecks: CheckResult[] = []
): Inspection {
	const scopes = compareScopes( scopesOf( decoded.claims ), settings.scopes );
	const findings = found.concat(
		requirementFindings(
			scopes,
			decoded.claims.environment,
			settings.environment
		)
	);
	return {
		source,
		decoded,
		signature,
		findings: [ ...new Set( findings ) ],
		scopes,
		expected: {
			...expectations,
			environment: expectedEnvironment( settings.environment ),
			scopes: settings.scopes,
		},
		serverChecks,
	};
}

/**
 * The conclusion when the browser verified the token itself.
 *
 * @param source       Where the token comes from.
 * @param decoded      The decoded token.
 * @param settings     The site's settings (issuer, scopes, environment).
 * @param verification The outcome of verifyToken().
 * @param expectations The issuer and audience it was held to.
 */
export function judgeVerified(
	source: TokenSource,
	decoded: DecodedToken,
	settings: Settings,
	verification: Verification,
	expectations: Expectations = expectationsFor( settings.apiUrl )
): Inspection {
	return verification.ok
		? judge( source, decoded, settings, 'verified', [], expectations )
		: judge(
				source,
				decoded,
				settings,
				'refused',
				[ verification.code ],
				expectations
			);
}

/**
 * The conclusion for a token decoded but not verified here: a pasted token where WebCrypto is missing.
 *
 * @param decoded      The decoded token.
 * @param settings     The site's settings.
 * @param expectations The issuer and audience this site expects.
 */
export function judgeUnverified(
	decoded: DecodedToken,
	settings: Settings,
	expectations: Expectations = expectationsFor( settings.apiUrl )
): Inspection {
	return judge(
		'pasted',
		decoded,
		settings,
		'not-verified',
		[],
		expectations
	);
}

/**
 * The conclusion from the server's live checks, for the current token where WebCrypto is missing. A check
 * that failed before the token ones (API unreachable) is why they could not run, so it counts too.
 *
 * @param decoded      The decoded current token.
 * @param settings     The site's settings.
 * @param checks       The results of POST /checks.
 * @param expectations The issuer and audience this site expects.
 */
export function judgeByServer(
	decoded: DecodedToken,
	settings: Settings,
	checks: CheckResult[],
	expectations: Expectations = expectationsFor( settings.apiUrl )
): Inspection {
	const tokenChecks = checks.filter( ( check ) =>
		SERVER_TOKEN_CHECKS.includes( check.id )
	);
	const failed = checks.flatMap( ( check ) =>
		check.status === 'error' &&
		check.code !== '' &&
		check.id !== 'scopes' &&
		check.id !== 'environment'
			? [ check.code ]
			: []
	);
	const accepted = checks.some(
		( check ) => check.id === 'api' && check.status === 'ok'
	);
	return judge(
		'current',
		decoded,
		settings,
		accepted && failed.length === 0 ? 'server-verified' : 'server-refused',
		failed,
		expectations,
		tokenChecks
	);
}
